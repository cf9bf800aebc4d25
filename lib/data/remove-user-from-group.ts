import "server-only";
import { noSuchEntity } from "@/lib/errors";
import { findGroupOrThrow, findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/** RemoveUserFromGroup; NoSuchEntity when the user is not a member. */
export function removeUserFromGroup(accountId: string, groupName: string, userName: string): Promise<void> {
  return write(async (tx, log) => {
    const group = await findGroupOrThrow(tx, accountId, groupName);
    const user = await findUserOrThrow(tx, accountId, userName);
    const { count } = await tx.groupMembership.deleteMany({ where: { groupId: group.id, userId: user.id } });
    if (count === 0) {
      throw noSuchEntity(`User ${user.name} is not a member of group ${group.name}.`, "userName");
    }
    log({
      accountId,
      action: "RemoveUserFromGroup",
      targetArn: group.arn,
      summary: `Removed user ${user.name} from group ${group.name}.`,
    });
  });
}
