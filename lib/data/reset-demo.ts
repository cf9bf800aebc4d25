import "server-only";
import { accountRootArn } from "@/lib/arn";
import { alreadyExists, noSuchEntity } from "@/lib/errors";
import { describeCounts } from "@/lib/data/describe-counts";
import { writeAll, type Tx } from "@/lib/data/write";
import { DEMO_ACCOUNTS, DEMO_ACCOUNT_IDS, hashDemoPasswords, seedDemo } from "@/prisma/seed/demo";

/** What one demo account holds after the reset. */
export interface ResetDemoAccount {
  accountId: string;
  alias: string;
  users: number;
  groups: number;
  roles: number;
  /** Customer managed policies. */
  policies: number;
}

export interface ResetDemoReport {
  accounts: ResetDemoAccount[];
  milliseconds: number;
}

/** "5 users, 3 groups, 2 roles and 3 customer managed policies" (what is there only). */
export const describeDemoAccount = (a: ResetDemoAccount): string =>
  describeCounts([
    [a.users, "user"],
    [a.groups, "group"],
    [a.roles, "role"],
    [a.policies, "customer managed policy", "customer managed policies"],
  ]) || "nothing";

/** A demo reset re-runs the whole demo seed in one transaction: room for a slow, busy machine. */
const RESET_TIMEOUT_MS = 120_000;

/**
 * Restores the demo accounts (prisma/seed/demo-accounts.ts) to exactly what a fresh seed writes,
 * without a restart: each is deleted with everything it holds (its users, groups, roles, customer
 * policies and versions, attachments, inline policies, boundaries, tags, passwords, access keys,
 * MFA devices and its own change log), then seedDemo writes them again through the console's
 * operations, with the demo's passwords, password policy and carol's MFA device. Everyone signed
 * in to a demo account, or acting in one through a role, is signed out, and the demo principals'
 * recently used roles, failed sign-ins and locks are forgotten, except the session that asked
 * for the reset (`keepSession`, its id hash): it stays signed in as the same principal, back from
 * any role it had switched to in a demo account. A demo account deleted meanwhile comes back. No other
 * account is touched; AWS managed policies keep their rows, with their attachment counts adjusted.
 * The audit trail keeps its records.
 *
 * One transaction (writeAll): if any step fails, nothing changes. A second reset in this process
 * waits for the first, then does the same again; one from another process (the CLI) meets the
 * database's write lock and, as every write, tries again for 5 s, then gives up with 503 and
 * nothing written. The change log gains the seed's events and
 * one ResetDemo per account, so the stamp of every kept cache moves and they read everything
 * again (who-can-inventory-patch.ts).
 */
export async function resetDemo(options: { keepSession?: string | null } = {}): Promise<ResetDemoReport> {
  const keep = options.keepSession ?? null;
  const started = performance.now();
  // scrypt is slow on purpose: hash before the transaction, so it does not hold the database.
  const passwords = await hashDemoPasswords();
  const accounts = await writeAll(async (tx, log) => {
    await refuseAliasClash(tx);
    if ((await tx.policy.count({ where: { awsManaged: true } })) === 0) {
      throw noSuchEntity("The AWS managed policies the demo attaches are not imported yet: run npm run db:seed (or npm start) first.");
    }
    const heldBefore = await managedInDemo(tx);
    // An account's change log outlives it (CloseAccount keeps it); the reset starts it afresh.
    await tx.changeEvent.deleteMany({ where: { accountId: { in: [...DEMO_ACCOUNT_IDS] } } });
    await tx.account.deleteMany({ where: { id: { in: [...DEMO_ACCOUNT_IDS] } } });
    await forgetDemoSignIns(tx, keep);
    await seedDemo(passwords);
    if (keep) await keepSignedIn(tx, keep);
    await recountAttachments(tx, [...heldBefore, ...(await managedInDemo(tx))]);
    const written = await describeDemo(tx);
    for (const account of written) {
      log({
        accountId: account.accountId,
        action: "ResetDemo",
        targetArn: accountRootArn(account.accountId),
        summary: `Reset demo account ${account.alias} to the seed's data: ${describeDemoAccount(account)}.`,
      });
    }
    return written;
  }, RESET_TIMEOUT_MS);
  return { accounts, milliseconds: Math.round(performance.now() - started) };
}

/** Another account that took a demo alias would make the seed fail halfway: say so first. */
async function refuseAliasClash(tx: Tx): Promise<void> {
  const clash = await tx.account.findFirst({
    where: { alias: { in: DEMO_ACCOUNTS.map((a) => a.alias) }, id: { notIn: [...DEMO_ACCOUNT_IDS] } },
    select: { id: true, alias: true },
  });
  if (!clash) return;
  const demo = DEMO_ACCOUNTS.find((a) => a.alias === clash.alias);
  throw alreadyExists(
    `Account ${clash.id} uses the alias ${clash.alias}, which the demo account ${demo?.accountId} needs. Change that account's alias, then reset the demo again.`,
    "alias",
  );
}

const inDemo = DEMO_ACCOUNT_IDS.map((id) => `arn:aws:iam::${id}:`);
const isDemoArn = (arn: string | null) => arn !== null && inDemo.some((prefix) => arn.startsWith(prefix));

/**
 * Sessions, recent roles and sign-in throttles name principals by ARN, with no row to cascade
 * from: end every session in (or acting through a role in) a demo account but `keep`, and forget
 * the demo principals' recent roles, failed sign-ins and locks.
 */
async function forgetDemoSignIns(tx: Tx, keep: string | null): Promise<void> {
  await tx.session.deleteMany({
    where: {
      OR: [{ accountId: { in: [...DEMO_ACCOUNT_IDS] } }, ...inDemo.map((prefix) => ({ roleArn: { startsWith: prefix } }))],
      ...(keep ? { NOT: { idHash: keep } } : {}),
    },
  });
  await tx.recentRole.deleteMany({ where: { OR: inDemo.map((prefix) => ({ principalArn: { startsWith: prefix } })) } });
  await tx.signInThrottle.deleteMany({ where: { OR: inDemo.map((prefix) => ({ key: { startsWith: prefix } })) } });
}

/**
 * The session that reset the demo goes on as the same principal: a demo user's row is new (a new
 * unique id), so the session follows it by ARN, and is ended when the seed has no such user; a
 * role it acts as in a demo account was made anew, so it is back to the signed-in principal.
 */
async function keepSignedIn(tx: Tx, idHash: string): Promise<void> {
  const session = await tx.session.findUnique({ where: { idHash } });
  if (!session) return;
  let userId = session.userId;
  if (userId !== null && isDemoArn(session.principalArn)) {
    const user = await tx.user.findUnique({ where: { arn: session.principalArn }, select: { id: true } });
    if (!user) {
      await tx.session.delete({ where: { idHash } });
      return;
    }
    userId = user.id;
  }
  const backFromRole = isDemoArn(session.roleArn)
    ? { roleArn: null, roleId: null, roleSessionName: null, roleDisplayName: null, roleColor: null, roleIssuedAt: null, roleExpiresAt: null }
    : {};
  await tx.session.update({ where: { idHash }, data: { userId, ...backFromRole } });
}

/** The AWS managed policies attached to the demo's users, groups and roles (customer policies attach only in their own account). */
async function managedInDemo(tx: Tx): Promise<string[]> {
  const inDemo = { accountId: { in: [...DEMO_ACCOUNT_IDS] } };
  const managed = { accountId: null };
  const ids = new Set<string>();
  for (const row of await tx.userPolicyAttachment.findMany({ where: { user: inDemo, policy: managed }, select: { policyId: true } })) ids.add(row.policyId);
  for (const row of await tx.groupPolicyAttachment.findMany({ where: { group: inDemo, policy: managed }, select: { policyId: true } })) ids.add(row.policyId);
  for (const row of await tx.rolePolicyAttachment.findMany({ where: { role: inDemo, policy: managed }, select: { policyId: true } })) ids.add(row.policyId);
  return [...ids];
}

/**
 * Deleting the demo accounts deletes their attachments of AWS managed policies with them, which
 * leaves those policies' attachment counts behind: count them again from the rows.
 */
async function recountAttachments(tx: Tx, policyIds: Iterable<string>): Promise<void> {
  for (const id of new Set(policyIds)) {
    const where = { policyId: id };
    const count = (await tx.userPolicyAttachment.count({ where })) + (await tx.groupPolicyAttachment.count({ where })) + (await tx.rolePolicyAttachment.count({ where }));
    await tx.policy.update({ where: { id }, data: { attachmentCount: count } });
  }
}

async function describeDemo(tx: Tx): Promise<ResetDemoAccount[]> {
  const rows = await tx.account.findMany({
    where: { id: { in: [...DEMO_ACCOUNT_IDS] } },
    select: { id: true, alias: true, _count: { select: { users: true, groups: true, roles: true, policies: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return DEMO_ACCOUNT_IDS.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ accountId: row.id, alias: row.alias, ...row._count }] : [];
  });
}
