import "server-only";
import { httpError } from "@/lib/errors";
import { rememberPassword, type VettedPassword } from "@/lib/data/password-history";
import { write } from "@/lib/data/write";

/**
 * ChangePassword: the signed-in IAM user's own new console password, checked and hashed before
 * (lib/data/password-history.ts vetUserPassword). The reset flag goes, and every session of the
 * user that was waiting for a new password may go on. `currentHash` is the hash the old password
 * was verified against: if the password changed meanwhile nothing is written.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ChangePassword.html
 */
export function changeUserPassword(userId: string, currentHash: string, vetted: VettedPassword, now: Date = new Date()): Promise<void> {
  return write(async (tx, log) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { accountId: true, arn: true, name: true, passwordHash: true } });
    if (!user || user.passwordHash !== currentHash) throw changedMeanwhile();
    await tx.user.update({ where: { id: userId }, data: { passwordHash: vetted.hash, passwordSetAt: now, passwordResetRequired: false } });
    await rememberPassword(tx, userId, vetted, now);
    await tx.session.updateMany({ where: { principalArn: user.arn, mustChangePassword: true }, data: { mustChangePassword: false } });
    log({ accountId: user.accountId, action: "ChangePassword", targetArn: user.arn, summary: `User ${user.name} changed their own console password.` });
  });
}

/**
 * The root user's own new password. It has no IAM operation (ChangePassword leaves the root
 * password alone), so it is not in the change log; the audit trail records it as sign-in's
 * PasswordUpdated.
 */
export function changeRootPassword(accountId: string, currentHash: string, newHash: string, now: Date = new Date()): Promise<void> {
  return write(async (tx) => {
    const account = await tx.account.findUnique({ where: { id: accountId }, select: { rootPasswordHash: true } });
    if (!account || account.rootPasswordHash !== currentHash) throw changedMeanwhile();
    await tx.account.update({ where: { id: accountId }, data: { rootPasswordHash: newHash, rootPasswordSetAt: now } });
    await tx.session.updateMany({ where: { accountId, userId: null, mustChangePassword: true }, data: { mustChangePassword: false } });
  });
}

const changedMeanwhile = () => httpError("AccessDenied", "The password was changed by another session meanwhile. Sign in again with the new password.");
