import "server-only";
import { userArn } from "@/lib/arn";
import { db } from "@/lib/db";
import { findGroupOrThrow, findRoleOrThrow, findUserOrThrow } from "@/lib/data/lookup";
import { managedDocuments, parseStoredDocument } from "@/lib/data/principal-policy-documents";
import type { Tx } from "@/lib/data/write";
import type { PolicyDocument } from "@/lib/iam";
import type { PrincipalPanelKind, SourcePolicy } from "@/lib/schemas/access";

/**
 * The engine's inputs for one user, role or group, read in a handful of queries: every policy
 * that applies, each carried with its identity so every line of the effective-permissions panel
 * can name the policy and statement behind it.
 */
export interface PrincipalPolicies {
  kind: PrincipalPanelKind;
  name: string;
  arn: string;
  /** The ARN analyzed: the principal's own; for a group, a member's (see groupMemberArn). */
  principalArn: string;
  tags: Record<string, string>;
  /** Identity-based policies, in the order of `identityPolicies`. */
  identity: SourcePolicy[];
  identityPolicies: PolicyDocument[];
  boundary: SourcePolicy | null;
  permissionsBoundary: PolicyDocument | null;
}

const managedSelect = { policy: { select: { id: true, name: true, arn: true, awsManaged: true, defaultVersionId: true, updatedAt: true } } } as const;
const inlineSelect = { select: { name: true, document: true }, orderBy: { nameLower: "asc" as const } } as const;
const attachedSelect = { select: managedSelect, orderBy: { policy: { nameLower: "asc" as const } } } as const;
const boundarySelect = { select: { id: true, name: true, arn: true, awsManaged: true, defaultVersionId: true, updatedAt: true } } as const;

type ManagedRow = { id: string; name: string; arn: string; awsManaged: boolean; defaultVersionId: string; updatedAt: Date };
type InlineRow = { name: string; document: string };
type Owner = NonNullable<SourcePolicy["owner"]>;

/** Collects policies in panel order; managed documents are then read in one query. */
class Collector {
  readonly sources: SourcePolicy[] = [];
  private readonly pending: ({ row: ManagedRow } | { document: PolicyDocument })[] = [];

  addManaged(row: ManagedRow, viaGroup: string | null): void {
    this.sources.push({ kind: "managed", name: row.name, arn: row.arn, awsManaged: row.awsManaged, versionId: row.defaultVersionId, owner: null, viaGroup });
    this.pending.push({ row });
  }

  addInline(row: InlineRow, owner: Owner, viaGroup: string | null): void {
    this.sources.push({ kind: "inline", name: row.name, arn: null, awsManaged: false, versionId: null, owner, viaGroup });
    this.pending.push({ document: parseStoredDocument(row.document) });
  }

  /** The identity documents in source order, and the boundary's, read in the same query. */
  async read(tx: Tx, boundary: ManagedRow | null): Promise<{ identityPolicies: PolicyDocument[]; permissionsBoundary: PolicyDocument | null }> {
    const rows = this.pending.flatMap((entry) => ("row" in entry ? [entry.row] : []));
    if (boundary) rows.push(boundary);
    const documentOf = await managedDocuments(tx, rows);
    return {
      identityPolicies: this.pending.map((entry) => ("row" in entry ? documentOf(entry.row) : entry.document)),
      permissionsBoundary: boundary ? documentOf(boundary) : null,
    };
  }
}

function boundarySource(row: ManagedRow): SourcePolicy {
  return { kind: "boundary", name: row.name, arn: row.arn, awsManaged: row.awsManaged, versionId: row.defaultVersionId, owner: null, viaGroup: null };
}

const tagMap = (tags: { key: string; value: string }[]) => Object.fromEntries(tags.map((t) => [t.key, t.value]));

/**
 * A user: attached managed policies, inline policies, then per group (by name) its attached
 * and inline policies; the boundary; tags for aws:PrincipalTag.
 */
async function userPolicies(tx: Tx, accountId: string, userName: string): Promise<PrincipalPolicies> {
  const { id } = await findUserOrThrow(tx, accountId, userName);
  const user = await tx.user.findUniqueOrThrow({
    where: { id },
    select: {
      name: true,
      arn: true,
      tags: { select: { key: true, value: true } },
      boundary: boundarySelect,
      attachedPolicies: attachedSelect,
      inlinePolicies: inlineSelect,
      groups: {
        select: { group: { select: { name: true, attachedPolicies: attachedSelect, inlinePolicies: inlineSelect } } },
        orderBy: { group: { nameLower: "asc" } },
      },
    },
  });
  const collector = new Collector();
  const self: Owner = { kind: "user", name: user.name };
  for (const row of user.attachedPolicies.map((a) => a.policy)) collector.addManaged(row, null);
  for (const row of user.inlinePolicies) collector.addInline(row, self, null);
  for (const { group } of user.groups) {
    for (const row of group.attachedPolicies.map((a) => a.policy)) collector.addManaged(row, group.name);
    for (const row of group.inlinePolicies) collector.addInline(row, { kind: "group", name: group.name }, group.name);
  }
  const documents = await collector.read(tx, user.boundary);
  return {
    kind: "user",
    name: user.name,
    arn: user.arn,
    principalArn: user.arn,
    tags: tagMap(user.tags),
    identity: collector.sources,
    boundary: user.boundary ? boundarySource(user.boundary) : null,
    ...documents,
  };
}

async function rolePolicies(tx: Tx, accountId: string, roleName: string): Promise<PrincipalPolicies> {
  const { id } = await findRoleOrThrow(tx, accountId, roleName);
  const role = await tx.role.findUniqueOrThrow({
    where: { id },
    select: {
      name: true,
      arn: true,
      tags: { select: { key: true, value: true } },
      boundary: boundarySelect,
      attachedPolicies: attachedSelect,
      inlinePolicies: inlineSelect,
    },
  });
  const collector = new Collector();
  for (const row of role.attachedPolicies.map((a) => a.policy)) collector.addManaged(row, null);
  for (const row of role.inlinePolicies) collector.addInline(row, { kind: "role", name: role.name }, null);
  const documents = await collector.read(tx, role.boundary);
  return {
    kind: "role",
    name: role.name,
    arn: role.arn,
    principalArn: role.arn,
    tags: tagMap(role.tags),
    identity: collector.sources,
    boundary: role.boundary ? boundarySource(role.boundary) : null,
    ...documents,
  };
}

/**
 * A group is no principal: what it gives is what a member receives from it alone. The analysis
 * runs as a member without tags at the account's default path, so conditions on the member's
 * own name or tags are judged for that stand-in; the panel says so.
 */
export const groupMemberArn = (accountId: string, groupName: string) => userArn(accountId, "/", `member-of-${groupName}`);

async function groupPolicies(tx: Tx, accountId: string, groupName: string): Promise<PrincipalPolicies> {
  const { id } = await findGroupOrThrow(tx, accountId, groupName);
  const group = await tx.group.findUniqueOrThrow({
    where: { id },
    select: { name: true, arn: true, attachedPolicies: attachedSelect, inlinePolicies: inlineSelect },
  });
  const collector = new Collector();
  for (const row of group.attachedPolicies.map((a) => a.policy)) collector.addManaged(row, null);
  for (const row of group.inlinePolicies) collector.addInline(row, { kind: "group", name: group.name }, null);
  const documents = await collector.read(tx, null);
  return {
    kind: "group",
    name: group.name,
    arn: group.arn,
    principalArn: groupMemberArn(accountId, group.name),
    tags: {},
    identity: collector.sources,
    boundary: null,
    ...documents,
  };
}

/** Every policy that applies to the principal, with its document, in one read transaction. */
export async function getPrincipalPolicies(kind: PrincipalPanelKind, accountId: string, name: string): Promise<PrincipalPolicies> {
  const read = kind === "user" ? userPolicies : kind === "role" ? rolePolicies : groupPolicies;
  return db().$transaction((tx) => read(tx, accountId, name));
}
