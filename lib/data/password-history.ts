import "server-only";
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import { passwordProblems, reuseDepth, type PasswordPolicy } from "@/lib/auth/password-policy";
import { passwordRulesOf } from "@/lib/data/get-password-policy";
import type { Tx } from "@/lib/data/write";
import { hashPassword, verifyPassword } from "@/lib/passwords";

/**
 * Every write of an IAM user's console password (CreateLoginProfile, UpdateLoginProfile,
 * ChangePassword) passes the account's password policy, or AWS's default when it has none, and
 * its reuse prevention: the new password may not be any of the user's last N, N being the
 * policy's PasswordReusePrevention. Refusals are AWS's PasswordPolicyViolation on `password`.
 * The user's PasswordHistory holds the scrypt hashes of the last N passwords, the current one
 * first; nothing more is kept than the policy asks for, so a history starts when reuse
 * prevention is turned on ("enforced the next time your users change their passwords").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */

export interface VettedPassword {
  hash: string;
  policy: PasswordPolicy | null;
}

const violation = (message: string) => new IamError("PasswordPolicyViolation", message, "password");

/**
 * Checks `password` for the user and hashes it, outside any transaction (scrypt is slow on
 * purpose and runs off the event loop); throws PasswordPolicyViolation naming every problem.
 */
export async function vetUserPassword(accountId: string, user: { id: string; name: string; passwordHash: string | null }, password: string): Promise<VettedPassword> {
  const { policy, owner } = await passwordRulesOf(db(), accountId);
  const problems = passwordProblems(password, policy, { ...owner, userName: user.name });
  if (problems.length > 0) throw violation(problems.join(" "));
  const depth = reuseDepth(policy);
  if (depth > 0) {
    const history = await db().passwordHistory.findMany({ where: { userId: user.id }, orderBy: [{ setAt: "desc" }, { id: "desc" }], take: depth, select: { hash: true } });
    // The current password is the most recent one, even when it was set before the policy asked
    // for a history (it is then not in it yet).
    const earlier = [user.passwordHash, ...history.map((entry) => entry.hash).filter((hash) => hash !== user.passwordHash)];
    const recent = earlier.filter((hash): hash is string => hash !== null).slice(0, depth);
    const matches = await Promise.all(recent.map((hash) => verifyPassword(password, hash)));
    if (matches.some(Boolean)) {
      throw violation(`Password must not be one of the last ${depth === 1 ? "password" : `${depth} passwords`} of user ${user.name} (the account's password policy prevents reuse).`);
    }
  }
  return { hash: await hashPassword(password), policy };
}

/** Records a newly written password in the user's history, keeping only the last N the policy remembers. */
export async function rememberPassword(tx: Tx, userId: string, vetted: VettedPassword, now: Date): Promise<void> {
  const depth = reuseDepth(vetted.policy);
  if (depth > 0) await tx.passwordHistory.create({ data: { userId, hash: vetted.hash, setAt: now } });
  const kept = depth > 0 ? await tx.passwordHistory.findMany({ where: { userId }, orderBy: [{ setAt: "desc" }, { id: "desc" }], take: depth, select: { id: true } }) : [];
  await tx.passwordHistory.deleteMany({ where: { userId, id: { notIn: kept.map((entry) => entry.id) } } });
}
