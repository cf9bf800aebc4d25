import { passwordProblems, type PasswordPolicy } from "@/lib/auth/password-policy";
import { passwordPolicySchema } from "@/lib/auth/password-policy-schema";
import { totpCode } from "@/lib/auth/totp";
import { createMfaDevice } from "@/lib/data/create-mfa-device";
import { enableMfaDevice } from "@/lib/data/enable-mfa-device";
import { findUserOrThrow } from "@/lib/data/lookup";
import { updatePasswordPolicy } from "@/lib/data/update-password-policy";
import { write } from "@/lib/data/write";
import { hashPassword } from "@/lib/passwords";
import { DEMO_ACCOUNT_IDS, PROD } from "./demo-accounts";
import { CAROL_MFA_DEVICE, CAROL_MFA_SECRET, DEMO_ROOTS, DEMO_USERS } from "./demo-credentials";

// How the demo's people sign in: every root and user gets the console password of
// demo-credentials.ts, and carol her virtual MFA device. scrypt is slow on purpose (about 70 ms a
// password), so the passwords are hashed together, in parallel, before anything is written: the
// demo reset runs the seed inside one transaction, which must not wait on thirteen hashes in a row.

/** TOTP's time step (RFC 6238, as AWS's virtual MFA devices use it). */
const STEP_MS = 30_000;

/**
 * Each demo account's password policy: users may change their own password (so erin needs no
 * policy of her own to choose a new one); every other setting is UpdateAccountPasswordPolicy's
 * default, as `aws iam update-account-password-policy --allow-users-to-change-password` leaves it.
 */
export const DEMO_PASSWORD_POLICY: PasswordPolicy = passwordPolicySchema.parse({ AllowUsersToChangePassword: true });

/** The demo passwords' hashes, in the order of DEMO_ROOTS and DEMO_USERS. */
export interface DemoPasswordHashes {
  roots: string[];
  users: string[];
}

/** Hashes every demo password at once, after checking each against the demo's password policy. */
export async function hashDemoPasswords(): Promise<DemoPasswordHashes> {
  for (const { password, userName } of [...DEMO_ROOTS.map((root) => ({ ...root, userName: undefined })), ...DEMO_USERS]) {
    const problem = passwordProblems(password, DEMO_PASSWORD_POLICY, { userName })[0];
    if (problem) throw new Error(`Demo password of ${userName ?? "a root user"}: ${problem}`);
  }
  const [roots, users] = await Promise.all([
    Promise.all(DEMO_ROOTS.map((root) => hashPassword(root.password))),
    Promise.all(DEMO_USERS.map((user) => hashPassword(user.password))),
  ]);
  return { roots, users };
}

/**
 * Writes the sign-ins of the demo accounts, which must exist with their users: each account's
 * password policy (UpdateAccountPasswordPolicy), its root password (which has no IAM operation,
 * so no change-log event) and its users' passwords, logged as CreateLoginProfile. putLoginProfile
 * cannot write these: it vets and hashes each password outside any transaction, where the demo
 * reset's new users are not visible yet. Then carol's virtual MFA device, assigned as the console
 * assigns one (CreateVirtualMFADevice with the documented seed, EnableMFADevice with two
 * consecutive codes of the last minute, so the current code is still unused).
 */
export async function writeDemoSignIns(hashes: DemoPasswordHashes): Promise<void> {
  for (const accountId of DEMO_ACCOUNT_IDS) {
    await updatePasswordPolicy(accountId, DEMO_PASSWORD_POLICY);
    await write(async (tx, log) => {
      const now = new Date();
      const root = DEMO_ROOTS.findIndex((r) => r.accountId === accountId);
      await tx.account.update({
        where: { id: accountId },
        data: { rootPasswordHash: root === -1 ? null : hashes.roots[root], rootPasswordSetAt: root === -1 ? null : now },
      });
      for (const [index, demo] of DEMO_USERS.entries()) {
        if (demo.accountId !== accountId) continue;
        const user = await findUserOrThrow(tx, accountId, demo.userName);
        await tx.user.update({
          where: { id: user.id },
          data: { passwordHash: hashes.users[index], passwordSetAt: now, passwordResetRequired: demo.resetRequired },
        });
        log({
          accountId,
          action: "CreateLoginProfile",
          targetArn: user.arn,
          summary: `Created the console password of user ${user.name}${demo.resetRequired ? " (must be reset at next sign-in)" : ""}.`,
        });
      }
    });
  }
  await createMfaDevice(PROD, "carol", CAROL_MFA_DEVICE, CAROL_MFA_SECRET);
  const now = Date.now();
  await enableMfaDevice(PROD, "carol", CAROL_MFA_DEVICE, {
    authenticationCode1: totpCode(CAROL_MFA_SECRET, now - 2 * STEP_MS),
    authenticationCode2: totpCode(CAROL_MFA_SECRET, now - STEP_MS),
  });
}
