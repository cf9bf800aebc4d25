import "server-only";
import { limitExceeded } from "@/lib/errors";
import { readGroup } from "@/lib/data/group-shape";
import { findGroupOrThrow, findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { GroupSummary } from "@/lib/schemas/group";

/** "IAM and AWS STS quotas": a user can be a member of at most 10 groups. */
export const MAX_GROUPS_PER_USER = 10;

/**
 * AddUserToGroup. Both must be in the account; adding a member again changes nothing (AWS
 * answers success). Answers the group as it now is.
 */
export function addUserToGroup(accountId: string, groupName: string, userName: string): Promise<GroupSummary> {
  return write(async (tx, log) => {
    const group = await findGroupOrThrow(tx, accountId, groupName);
    const user = await findUserOrThrow(tx, accountId, userName);
    const already = await tx.groupMembership.findUnique({
      where: { groupId_userId: { groupId: group.id, userId: user.id } },
    });
    if (!already) {
      const count = await tx.groupMembership.count({ where: { userId: user.id } });
      if (count >= MAX_GROUPS_PER_USER) {
        throw limitExceeded(
          `User ${user.name} is already in ${count} groups, the most AWS allows. Remove it from a group first.`,
          "groupName",
        );
      }
      await tx.groupMembership.create({ data: { groupId: group.id, userId: user.id } });
      log({
        accountId,
        action: "AddUserToGroup",
        targetArn: group.arn,
        summary: `Added user ${user.name} to group ${group.name}.`,
      });
    }
    return readGroup(tx, group.id);
  });
}
