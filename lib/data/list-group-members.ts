import "server-only";
import { db } from "@/lib/db";
import { findUserPage } from "@/lib/data/list-users";
import { findGroupOrThrow } from "@/lib/data/lookup";
import type { Page } from "@/lib/schemas/common";
import type { ListUsersInput, UserSummary } from "@/lib/schemas/user";

/** GetGroup's member list: one page of the group's users, searched and sorted as ListUsers. */
export async function listGroupMembers(
  accountId: string,
  groupName: string,
  query: ListUsersInput,
): Promise<Page<UserSummary>> {
  const group = await findGroupOrThrow(db(), accountId, groupName);
  return findUserPage({ accountId, groups: { some: { groupId: group.id } } }, query);
}
