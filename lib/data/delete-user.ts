import "server-only";
import { deleteConflict } from "@/lib/errors";
import { describeCounts } from "@/lib/data/describe-counts";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write, type ChangeRecord, type Tx } from "@/lib/data/write";

type Held = Awaited<ReturnType<typeof countHeld>>;

async function countHeld(tx: Tx, userId: string) {
  const row = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      passwordHash: true,
      _count: {
        select: {
          groups: true,
          attachedPolicies: true,
          inlinePolicies: true,
          accessKeys: true,
          mfaDevices: true,
        },
      },
    },
  });
  return { ...row._count, loginProfile: row.passwordHash === null ? 0 : 1 };
}

function describeHeld(held: Held): string {
  return describeCounts([
    [held.groups, "group membership"],
    [held.attachedPolicies, "attached managed policy", "attached managed policies"],
    [held.inlinePolicies, "inline policy", "inline policies"],
    [held.loginProfile, "console password"],
    [held.accessKeys, "access key"],
    [held.mfaDevices, "MFA device"],
  ]);
}

/**
 * Everything DeleteUser requires gone first ("Deleting an IAM user" in the IAM User Guide):
 * group memberships, managed policies (keeping each policy's attachmentCount right), inline
 * policies, login profile, access keys, MFA devices. Tags and the boundary go with the user.
 */
async function removeEverything(
  tx: Tx,
  accountId: string,
  user: { id: string; name: string },
  log: (change: ChangeRecord) => void,
) {
  const memberships = await tx.groupMembership.findMany({
    where: { userId: user.id },
    select: { group: { select: { arn: true, name: true } } },
  });
  for (const { group } of memberships) {
    log({
      accountId,
      action: "RemoveUserFromGroup",
      targetArn: group.arn,
      summary: `Removed user ${user.name} from group ${group.name} (user deleted).`,
    });
  }
  await tx.groupMembership.deleteMany({ where: { userId: user.id } });

  const attached = await tx.userPolicyAttachment.findMany({
    where: { userId: user.id },
    select: { policyId: true },
  });
  await tx.policy.updateMany({
    where: { id: { in: attached.map((a) => a.policyId) } },
    data: { attachmentCount: { decrement: 1 } },
  });
  await tx.userPolicyAttachment.deleteMany({ where: { userId: user.id } });
  await tx.userInlinePolicy.deleteMany({ where: { userId: user.id } });
  await tx.accessKey.deleteMany({ where: { userId: user.id } });
  await tx.mfaDevice.deleteMany({ where: { userId: user.id } });
}

/**
 * DeleteUser. Without `force` it refuses with DeleteConflict while the user still holds anything;
 * with `force` it removes all of it and the user in one transaction.
 */
export function deleteUser(accountId: string, userName: string, options: { force: boolean }): Promise<void> {
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const remaining = describeHeld(await countHeld(tx, user.id));
    if (remaining && !options.force) {
      throw deleteConflict(
        `User ${user.name} cannot be deleted: it still has ${remaining}. Remove them first.`,
        "userName",
      );
    }
    if (remaining) await removeEverything(tx, accountId, user, log);
    await tx.user.delete({ where: { id: user.id } });
    log({
      accountId,
      action: "DeleteUser",
      targetArn: user.arn,
      summary: remaining
        ? `Deleted user ${user.name} after removing its ${remaining}.`
        : `Deleted user ${user.name}.`,
    });
  });
}
