import "server-only";
import { db } from "@/lib/db";
import { alreadyExists, noSuchEntity, validationError } from "@/lib/errors";
import { findUserOrThrow } from "@/lib/data/lookup";
import { rememberPassword, vetUserPassword, type VettedPassword } from "@/lib/data/password-history";
import { write } from "@/lib/data/write";
import type { LoginProfile, LoginProfileInput } from "@/lib/schemas/credentials";

/**
 * CreateLoginProfile when the user has no console password, else UpdateLoginProfile (which may
 * change only the reset flag). A new password must pass the account's password policy (AWS's
 * default when it has none) and its reuse prevention, else PasswordPolicyViolation as AWS answers
 * (lib/data/password-history.ts); it is stored only as an scrypt hash, and neither the password
 * nor the hash is logged or returned.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html
 */
export async function putLoginProfile(
  accountId: string,
  userName: string,
  input: LoginProfileInput,
  /**
   * The AWS API's CreateLoginProfile and UpdateLoginProfile are one or the other: "create" refuses
   * a user who has a password (EntityAlreadyExists), "update" one who has none (NoSuchEntity),
   * checked inside the transaction so two calls at once cannot both create.
   */
  only?: "create" | "update",
): Promise<LoginProfile> {
  // Checking and hashing are deliberately slow: done before the transaction so the database is not held.
  let vetted: VettedPassword | undefined;
  if (input.password !== undefined) {
    const user = await findUserOrThrow(db(), accountId, userName);
    vetted = await vetUserPassword(accountId, user, input.password);
  }
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const creating = user.passwordHash === null;
    if (only === "create" && !creating) throw alreadyExists(`Login Profile for user ${user.name} already exists.`, "UserName");
    if (only === "update" && creating) throw noSuchEntity(`Login Profile for User ${user.name} cannot be found.`, "UserName");
    if (vetted === undefined && creating) {
      throw validationError("password", `A password is required to give user ${user.name} console access.`);
    }
    // Only the reset flag, set as it already is: nothing changes, so nothing is written or logged.
    if (!creating && vetted === undefined && input.passwordResetRequired === user.passwordResetRequired) {
      return {
        userName: user.name,
        passwordSetAt: (user.passwordSetAt ?? user.createdAt).toISOString(),
        passwordResetRequired: user.passwordResetRequired,
      };
    }
    const now = new Date();
    const updated = await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash: vetted?.hash,
        passwordSetAt: vetted === undefined ? undefined : now,
        passwordResetRequired: input.passwordResetRequired ?? (creating ? false : undefined),
      },
      select: { name: true, passwordSetAt: true, passwordResetRequired: true },
    });
    if (vetted !== undefined) await rememberPassword(tx, user.id, vetted, now);
    log({
      accountId,
      action: creating ? "CreateLoginProfile" : "UpdateLoginProfile",
      targetArn: user.arn,
      summary: `${creating ? "Created" : "Updated"} the console password of user ${user.name}${
        updated.passwordResetRequired ? " (must be reset at next sign-in)" : ""
      }.`,
    });
    return {
      userName: updated.name,
      passwordSetAt: (updated.passwordSetAt ?? now).toISOString(),
      passwordResetRequired: updated.passwordResetRequired,
    };
  });
}
