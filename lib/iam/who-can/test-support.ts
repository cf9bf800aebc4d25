/**
 * Builders of who-can inventories from plain policy documents, for the engine's tests: each
 * document is compiled as lib/data's inventory compiles it. Not imported by the engine itself.
 */
import { compilePolicy } from "../compile/policy";
import { parseCaller } from "../principal";
import type { HeldPolicy, Inventory, InventoryPrincipal, InventoryRole, PolicyRef } from "./types";

export interface PrincipalSpec {
  arn: string;
  identity?: unknown[];
  boundary?: unknown;
  /** For a user: the group each identity policy comes through (null: its own). */
  groups?: (string | null)[];
  tags?: Record<string, string>;
}

const nameOf = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);
const accountOf = (arn: string) => arn.split(":")[4];

function held(document: unknown, meta: PolicyRef, viaGroup: string | null = null): HeldPolicy {
  return { meta, compiled: compilePolicy(document), document: typeof document === "string" ? document : JSON.stringify(document), viaGroup };
}

const ref = (kind: PolicyRef["kind"], name: string): PolicyRef => ({ kind, name, arn: null, awsManaged: false, owner: null });

export function principal(spec: PrincipalSpec): InventoryPrincipal {
  const caller = parseCaller({ arn: spec.arn, tags: spec.tags ?? {} });
  if (!caller || (caller.kind !== "user" && caller.kind !== "role")) throw new Error(`${spec.arn} is not a user or role ARN`);
  return {
    kind: caller.kind,
    accountId: accountOf(spec.arn),
    name: nameOf(spec.arn),
    arn: spec.arn,
    caller,
    identity: (spec.identity ?? []).map((document, i) => held(document, ref("inline", `Policy${i}`), spec.groups?.[i] ?? null)),
    boundary: spec.boundary === undefined ? null : held(spec.boundary, ref("boundary", "Boundary")),
  };
}

export function role(spec: PrincipalSpec & { trust: unknown }): InventoryRole {
  return { ...principal(spec), kind: "role", trust: held(spec.trust, ref("trust", "Trust policy")) };
}

export function inventory(accountIds: string[], principals: (InventoryPrincipal | InventoryRole)[]): Inventory {
  return {
    accountIds,
    users: principals.filter((p) => p.kind === "user"),
    roles: principals.filter((p): p is InventoryRole => p.kind === "role"),
  };
}
