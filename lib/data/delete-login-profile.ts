import "server-only";
import { noSuchEntity } from "@/lib/errors";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/** DeleteLoginProfile: removes console access; NoSuchEntity when the user has no password. */
export function deleteLoginProfile(accountId: string, userName: string): Promise<void> {
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    if (user.passwordHash === null) {
      throw noSuchEntity(`User ${user.name} has no console password.`, "userName");
    }
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: null, passwordSetAt: null, passwordResetRequired: false, passwordLastUsedAt: null },
    });
    log({
      accountId,
      action: "DeleteLoginProfile",
      targetArn: user.arn,
      summary: `Removed the console password of user ${user.name}.`,
    });
  });
}
