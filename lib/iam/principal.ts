/**
 * The calling principal, read from its ARN, and the context keys AWS derives from it
 * (FORMAT.md, "Context keys the engine derives from the principal"; "AWS global condition
 * context keys" for aws:PrincipalArn, aws:PrincipalAccount, aws:username, aws:PrincipalTag).
 */
import type { ContextValue, SimulationPrincipal } from "./types";

export type PrincipalKind = "user" | "role" | "assumedRole" | "federatedUser" | "root";

export interface CallerIdentity {
  kind: PrincipalKind;
  arn: string;
  partition: string;
  account: string;
  /** User, role or federated-user name; for an assumed role, the role's name. */
  name: string;
  /** For a role or an assumed-role session: the role's IAM ARN (without path for sessions). */
  roleArn: string | null;
  tags: Readonly<Record<string, string>>;
}

const ARN = /^arn:([^:]+):(iam|sts)::(\d{12}):(.+)$/;

/** Reads a principal ARN, or returns null for anything FORMAT.md does not describe. */
export function parseCaller(principal: SimulationPrincipal): CallerIdentity | null {
  const match = ARN.exec(principal.arn);
  if (!match) return null;
  const [, partition, service, account, resource] = match;
  const base = { arn: principal.arn, partition, account, tags: principal.tags };
  if (service === "iam") {
    if (resource === "root") return { ...base, kind: "root", name: "root", roleArn: null };
    const slash = resource.indexOf("/");
    const type = resource.slice(0, slash);
    const name = resource.slice(resource.lastIndexOf("/") + 1);
    if (slash < 0 || !name) return null;
    if (type === "user") return { ...base, kind: "user", name, roleArn: null };
    if (type === "role") return { ...base, kind: "role", name, roleArn: principal.arn };
    return null;
  }
  const parts = resource.split("/");
  if (parts[0] === "assumed-role" && parts.length === 3 && parts[1] && parts[2]) {
    const roleArn = `arn:${partition}:iam::${account}:role/${parts[1]}`;
    return { ...base, kind: "assumedRole", name: parts[1], roleArn };
  }
  if (parts[0] === "federated-user" && parts.length === 2 && parts[1]) {
    return { ...base, kind: "federatedUser", name: parts[1], roleArn: null };
  }
  return null;
}

/** Assumed-role and federated-user sessions are the ones session policies apply to. */
export function isSession(caller: CallerIdentity): boolean {
  return caller.kind === "assumedRole" || caller.kind === "federatedUser";
}

/** The context keys AWS derives from the principal, by lower-case key. */
export function derivedContext(caller: CallerIdentity): Map<string, ContextValue> {
  const result = new Map<string, ContextValue>();
  result.set("aws:principalarn", caller.roleArn && caller.kind === "assumedRole" ? caller.roleArn : caller.arn);
  result.set("aws:principalaccount", caller.account);
  if (caller.kind === "user") result.set("aws:username", caller.name);
  for (const [key, value] of Object.entries(caller.tags)) {
    result.set(`aws:principaltag/${key.toLowerCase()}`, value);
  }
  return result;
}
