import "server-only";
import { validationError } from "@/lib/errors";
import { hashPassword, passwordPolicyProblem } from "@/lib/passwords";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { LoginProfile, LoginProfileInput } from "@/lib/schemas/credentials";

/**
 * CreateLoginProfile when the user has no console password, else UpdateLoginProfile (which may
 * change only the reset flag). The password must pass AWS's default password policy and is
 * stored only as an scrypt hash; neither the password nor the hash is logged or returned.
 */
export async function putLoginProfile(
  accountId: string,
  userName: string,
  input: LoginProfileInput,
): Promise<LoginProfile> {
  if (input.password !== undefined) {
    // The user name compares case-insensitively, so the name as asked for will do.
    const problem = passwordPolicyProblem(input.password, userName);
    if (problem) throw validationError("password", problem);
  }
  // Hashing is deliberately slow: do it before the transaction so the database is not held.
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const creating = user.passwordHash === null;
    if (input.password === undefined && creating) {
      throw validationError("password", `A password is required to give user ${user.name} console access.`);
    }
    // Only the reset flag, set as it already is: nothing changes, so nothing is written or logged.
    if (!creating && passwordHash === undefined && input.passwordResetRequired === user.passwordResetRequired) {
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
        passwordHash,
        passwordSetAt: passwordHash === undefined ? undefined : now,
        passwordResetRequired: input.passwordResetRequired ?? (creating ? false : undefined),
      },
      select: { name: true, passwordSetAt: true, passwordResetRequired: true },
    });
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
