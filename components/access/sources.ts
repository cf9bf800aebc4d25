import { paths } from "@/components/shell/paths";
import type { SourcePolicy, StatementSource } from "@/lib/schemas/access";

// Where a statement of the panel is shown in full: the managed policy's page, or the inline
// policy on its owner's page, with `statement=N` (the index in Statement) to highlight it.

const ownerPath = (accountId: string, owner: NonNullable<SourcePolicy["owner"]>) =>
  owner.kind === "user" ? paths.user(accountId, owner.name) : owner.kind === "group" ? paths.group(accountId, owner.name) : paths.role(accountId, owner.name);

export function statementHref(accountId: string, policy: SourcePolicy, statement: number): string {
  if (policy.kind === "inline" && policy.owner) {
    const query = new URLSearchParams({ tab: "permissions", inline: policy.name, statement: String(statement) });
    return `${ownerPath(accountId, policy.owner)}?${query.toString()}`;
  }
  return `${paths.policy(accountId, policy.name)}?statement=${statement}`;
}

/** "AmazonS3ReadOnlyAccess (via group ReadOnly)", "inline policy Own", "boundary OnlyEc2". */
export function describePolicy(policy: SourcePolicy): string {
  const via = policy.viaGroup ? ` via group ${policy.viaGroup}` : "";
  if (policy.kind === "boundary") return `permissions boundary ${policy.name}`;
  if (policy.kind === "inline") return `inline policy ${policy.name}${via}`;
  return `${policy.name}${via}`;
}

/** "statement 2 (ReadBuckets)": numbered from 1 for people; the link uses the index. */
export const describeStatement = (source: StatementSource) =>
  `statement ${source.statement + 1}${source.sid ? ` (${source.sid})` : ""}`;
