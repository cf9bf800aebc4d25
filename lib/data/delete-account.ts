import "server-only";
import { accountRootArn } from "@/lib/arn";
import { IamError, noSuchEntity } from "@/lib/errors";
import { write, type Tx } from "@/lib/data/write";

/**
 * CloseAccount (AWS Organizations): the account leaves the console with everything it holds — its
 * users, groups, roles, customer managed policies, credentials and MFA devices — and its id may be
 * used again. Its change events stay in the log, outside any account (ChangeEvent's relation sets
 * the account to null), and the audit trail is never touched. The management account of an
 * organization cannot be closed while it has members: "You can't close the management account
 * with this API" (CloseAccount, AWS Organizations API Reference). Who may close which account is
 * the route's declaration (organizations:CloseAccount, made to the member's management account).
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html
 */
export function deleteAccount(accountId: string): Promise<void> {
  return write(async (tx, log) => {
    const account = await tx.account.findUnique({ where: { id: accountId }, select: { alias: true, managementAccountId: true } });
    if (!account) throw noSuchEntity(`Account ${accountId} does not exist.`, "accountId");
    const members = await tx.account.count({ where: { managementAccountId: accountId } });
    if (members > 0) {
      throw new IamError(
        "ConstraintViolation",
        `You attempted to close the management account ${accountId}. To close the management account for the organization, you must first either remove or close all member accounts in the organization (${members} remain).`,
        "accountId",
      );
    }
    await releaseAwsManagedPolicies(tx, accountId);
    await tx.account.delete({ where: { id: accountId } });
    await forgetPrincipalsOf(tx, accountId);
    // Recorded where AWS records it: in the management account, or outside any for a standalone account.
    log({
      accountId: account.managementAccountId,
      action: "CloseAccount",
      targetArn: accountRootArn(accountId),
      summary: `Closed account ${accountId} (${account.alias}) and removed its IAM entities.`,
    });
  });
}

/** The account's attachments of AWS managed policies go with it: their attachment counts drop by as many. */
async function releaseAwsManagedPolicies(tx: Tx, accountId: string): Promise<void> {
  const awsManaged = { awsManaged: true };
  const groups = await Promise.all([
    tx.userPolicyAttachment.groupBy({ by: ["policyId"], where: { user: { accountId }, policy: awsManaged }, _count: { _all: true } }),
    tx.groupPolicyAttachment.groupBy({ by: ["policyId"], where: { group: { accountId }, policy: awsManaged }, _count: { _all: true } }),
    tx.rolePolicyAttachment.groupBy({ by: ["policyId"], where: { role: { accountId }, policy: awsManaged }, _count: { _all: true } }),
  ]);
  const held = new Map<string, number>();
  for (const { policyId, _count } of groups.flat()) held.set(policyId, (held.get(policyId) ?? 0) + _count._all);
  for (const [id, count] of held) await tx.policy.update({ where: { id }, data: { attachmentCount: { decrement: count } } });
}

/**
 * What the console keeps about the account's principals outside the account's own rows: their
 * console sessions end, sessions elsewhere that switched to one of its roles go back to their
 * signed-in user, and recent roles and sign-in throttles naming them go (a reused id starts clean).
 */
async function forgetPrincipalsOf(tx: Tx, accountId: string): Promise<void> {
  const prefix = `arn:aws:iam::${accountId}:`;
  await tx.session.deleteMany({ where: { accountId } });
  await tx.session.updateMany({
    where: { roleArn: { startsWith: prefix } },
    data: { roleArn: null, roleId: null, roleSessionName: null, roleDisplayName: null, roleColor: null, roleIssuedAt: null, roleExpiresAt: null },
  });
  await tx.recentRole.deleteMany({ where: { OR: [{ principalArn: { startsWith: prefix } }, { roleArn: { startsWith: prefix } }] } });
  await tx.signInThrottle.deleteMany({ where: { key: { startsWith: prefix } } });
}
