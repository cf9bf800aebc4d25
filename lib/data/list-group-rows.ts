import "server-only";
import { db } from "@/lib/db";
import { findAccountOrThrow, findGroupOrThrow } from "@/lib/data/lookup";

/** The stored fields IAM's Group data type answers (ListGroups, GetGroup, ListGroupsForUser). */
export interface GroupRow {
  id: string;
  name: string;
  nameLower: string;
  path: string;
  arn: string;
  createdAt: Date;
}

/** The stored fields GetGroup answers for each member (IAM's User data type, without tags). */
export interface MemberRow {
  id: string;
  name: string;
  nameLower: string;
  path: string;
  arn: string;
  createdAt: Date;
  passwordLastUsedAt: Date | null;
}

const GROUP_FIELDS = { id: true, name: true, nameLower: true, path: true, arn: true, createdAt: true } as const;

/**
 * ListGroups as the AWS API pages it: the account's groups under `pathPrefix`, ordered by
 * lower-cased name, after the key `after`, at most `take` (through the (accountId, nameLower) index).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroups.html
 */
export async function listGroupRows(accountId: string, query: { pathPrefix: string; after: string | null; take: number }): Promise<GroupRow[]> {
  await findAccountOrThrow(db(), accountId);
  return db().group.findMany({
    where: {
      accountId,
      ...(query.pathPrefix !== "/" ? { path: { startsWith: query.pathPrefix } } : {}),
      ...(query.after !== null ? { nameLower: { gt: query.after } } : {}),
    },
    select: GROUP_FIELDS,
    orderBy: { nameLower: "asc" },
    take: query.take,
  });
}

/**
 * GetGroup as the AWS API pages it: the group (NoSuchEntity when missing) and its members ordered
 * by lower-cased user name, after the key `after`, at most `take` (members are keyed by the
 * group's id, so a rename between the two reads cannot mix two groups).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetGroup.html
 */
export async function groupWithMemberRows(
  accountId: string,
  groupName: string,
  query: { after: string | null; take: number },
): Promise<{ group: GroupRow; members: MemberRow[] }> {
  const found = await findGroupOrThrow(db(), accountId, groupName);
  const members = await db().user.findMany({
    where: {
      accountId,
      groups: { some: { groupId: found.id } },
      ...(query.after !== null ? { nameLower: { gt: query.after } } : {}),
    },
    select: { ...GROUP_FIELDS, passwordLastUsedAt: true },
    orderBy: { nameLower: "asc" },
    take: query.take,
  });
  const group: GroupRow = { id: found.id, name: found.name, nameLower: found.nameLower, path: found.path, arn: found.arn, createdAt: found.createdAt };
  return { group, members };
}
