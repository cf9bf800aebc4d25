/**
 * The calling principal, read from its ARN, and the context keys AWS derives from it
 * (FORMAT.md, "Context keys the engine derives from the principal"; "AWS global condition
 * context keys" for aws:PrincipalArn, aws:PrincipalAccount, aws:username, aws:PrincipalTag).
 */
import { parseIamArn, parseRootArn, parseStsArn } from "./arn";
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

/** Reads a principal ARN, or returns null for anything FORMAT.md does not describe. */
export function parseCaller(principal: SimulationPrincipal): CallerIdentity | null {
  const { arn, tags } = principal;
  const root = parseRootArn(arn);
  if (root) return { kind: "root", arn, partition: root.partition, account: root.accountId, name: "root", roleArn: null, tags };
  const entity = parseIamArn(arn);
  if (entity && entity.accountId !== "aws") {
    const base = { arn, partition: entity.partition, account: entity.accountId, name: entity.name, tags };
    if (entity.kind === "user") return { ...base, kind: "user", roleArn: null };
    if (entity.kind === "role") return { ...base, kind: "role", roleArn: arn };
    return null;
  }
  const session = parseStsArn(arn);
  if (!session) return null;
  const base = { arn, partition: session.partition, account: session.accountId, tags };
  if (session.kind === "federated-user") return { ...base, kind: "federatedUser", name: session.name, roleArn: null };
  // The session ARN carries no role path; aws:PrincipalArn of a session is this path-less role ARN.
  const roleArn = `arn:${session.partition}:iam::${session.accountId}:role/${session.roleName}`;
  return { ...base, kind: "assumedRole", name: session.roleName, roleArn };
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
