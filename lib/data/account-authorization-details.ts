import "server-only";
import { db } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { readGroupDetails, readPolicyDetails, readRoleDetails, readUserDetails } from "@/lib/data/authorization-details-rows";
import type { GroupDetail, ManagedPolicyDetail, RoleDetail, UserDetail } from "@/lib/data/authorization-details-types";

export type { AttachedPolicyRef, GroupDetail, InlinePolicyDetail, InstanceProfileDetail, ManagedPolicyDetail, PolicyVersionDetail, RoleDetail, UserDetail } from "@/lib/data/authorization-details-types";

/**
 * GetAccountAuthorizationDetails as plain data: the account's users, groups, roles and managed
 * policies with their relationships (inline policies, attachments, memberships, boundaries,
 * instance profiles, versions), in one list ordered users, groups, roles, policies, so a page of
 * it may span kinds. Each entry has a key ("0:alice", "3:readonlyaccess ANPA…") that orders it in that list:
 * a page continues after the key of the last entry of the previous one, and reads each table at
 * most once (users, then groups, then roles, then policies, until the page is full). The AWS
 * endpoint maps it to IAM's XML; an account export can serialize the same entries.
 *
 * The Filter's entity types: User, Group, Role, LocalManagedPolicy (the account's customer managed
 * policies) and AWSManagedPolicy (the AWS managed policies in use in the account: attached to one
 * of its users, groups or roles, or one's permissions boundary). No filter: all of them.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */

export const AUTHORIZATION_ENTITY_TYPES = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"] as const;
export type AuthorizationEntityType = (typeof AUTHORIZATION_ENTITY_TYPES)[number];

export type AuthorizationEntry =
  | { kind: "user"; key: string; user: UserDetail }
  | { kind: "group"; key: string; group: GroupDetail }
  | { kind: "role"; key: string; role: RoleDetail }
  | { kind: "policy"; key: string; policy: ManagedPolicyDetail };

export interface AuthorizationDetailsWindow {
  /** The entity types to include; empty: every type. */
  filter: readonly AuthorizationEntityType[];
  /** Continue after this entry key; null: from the start. */
  after: string | null;
  /** At most this many entries. */
  take: number;
}

/** The order of the kinds in the combined list: the rank that starts each entry's key. */
const RANK = { user: 0, group: 1, role: 2, policy: 3 } as const;
const keyOf = (rank: number, sortKey: string): string => `${rank}:${sortKey}`;

function parseAfter(after: string | null): { rank: number; sortKey: string | null } {
  if (after === null) return { rank: -1, sortKey: null };
  const match = /^([0-3]):([\s\S]+)$/.exec(after);
  if (!match) throw validationError("Marker", "Marker is not one this endpoint answered; pass the Marker of the previous page unchanged.");
  return { rank: Number(match[1]), sortKey: match[2] };
}

export async function accountAuthorizationDetails(accountId: string, window: AuthorizationDetailsWindow): Promise<AuthorizationEntry[]> {
  const client = db();
  await findAccountOrThrow(client, accountId);
  const wanted = new Set<AuthorizationEntityType>(window.filter.length > 0 ? window.filter : AUTHORIZATION_ENTITY_TYPES);
  const start = parseAfter(window.after);
  const entries: AuthorizationEntry[] = [];
  /** The window of the kind of this rank: after the marker's key in its own kind, all of a later kind, none of an earlier one. */
  const windowOf = (rank: number) => {
    const take = window.take - entries.length;
    if (take <= 0 || rank < start.rank) return null;
    return { after: rank === start.rank ? start.sortKey : null, take };
  };

  let rows = wanted.has("User") ? windowOf(RANK.user) : null;
  if (rows) for (const user of await readUserDetails(client, accountId, rows)) entries.push({ kind: "user", key: keyOf(RANK.user, user.key), user: user.detail });
  rows = wanted.has("Group") ? windowOf(RANK.group) : null;
  if (rows) for (const group of await readGroupDetails(client, accountId, rows)) entries.push({ kind: "group", key: keyOf(RANK.group, group.key), group: group.detail });
  rows = wanted.has("Role") ? windowOf(RANK.role) : null;
  if (rows) for (const role of await readRoleDetails(client, accountId, rows)) entries.push({ kind: "role", key: keyOf(RANK.role, role.key), role: role.detail });
  const kinds = { local: wanted.has("LocalManagedPolicy"), awsInUse: wanted.has("AWSManagedPolicy") };
  rows = kinds.local || kinds.awsInUse ? windowOf(RANK.policy) : null;
  if (rows) for (const policy of await readPolicyDetails(client, accountId, kinds, rows)) entries.push({ kind: "policy", key: keyOf(RANK.policy, policy.key), policy: policy.detail });
  return entries;
}

/** Entries split by kind, in order: the four lists of IAM's answer. */
export function detailsByKind(entries: readonly AuthorizationEntry[]) {
  return {
    users: entries.flatMap((entry) => (entry.kind === "user" ? [entry.user] : [])),
    groups: entries.flatMap((entry) => (entry.kind === "group" ? [entry.group] : [])),
    roles: entries.flatMap((entry) => (entry.kind === "role" ? [entry.role] : [])),
    policies: entries.flatMap((entry) => (entry.kind === "policy" ? [entry.policy] : [])),
  };
}
