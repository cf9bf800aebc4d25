import "server-only";
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import { passwordProblems } from "@/lib/auth/password-policy";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import { hashPassword } from "@/lib/passwords";

/**
 * Sets the root user's console password, as the operator's command line does (a forgotten root
 * password is reset by AWS's own recovery, which this console has no counterpart of). The
 * account's password policy does not apply to it ("The IAM password policy does not apply to the
 * AWS account root user password"); AWS's root password rules do: 8 to 128 characters, three of
 * the four kinds, not the account's name or email. It has no IAM operation, so no change event.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
export async function setRootPassword(accountId: string, password: string): Promise<void> {
  const account = await findAccountOrThrow(db(), accountId);
  const problems = passwordProblems(password, null, { accountName: account.alias, email: account.rootEmail });
  if (problems.length > 0) throw new IamError("PasswordPolicyViolation", problems.join(" "), "password");
  const hash = await hashPassword(password);
  await write(async (tx) => {
    await findAccountOrThrow(tx, accountId);
    await tx.account.update({ where: { id: accountId }, data: { rootPasswordHash: hash, rootPasswordSetAt: new Date() } });
  });
}
