import "server-only";
import { deleteConflict } from "@/lib/errors";
import { describeCounts } from "@/lib/data/describe-counts";
import { assertCustomerManaged, findPolicyByNameOrThrow } from "@/lib/data/lookup";
import { write, type ChangeRecord, type Tx } from "@/lib/data/write";

type Policy = { id: string; name: string; defaultVersionId: string };

/** Everything that holds the policy, with the ARNs the change log names. */
async function findUses(tx: Tx, policy: Policy) {
  const entity = { select: { name: true, arn: true } };
  const [users, groups, roles, userBoundaries, roleBoundaries, otherVersions] = await Promise.all([
    tx.userPolicyAttachment.findMany({ where: { policyId: policy.id }, select: { user: entity } }),
    tx.groupPolicyAttachment.findMany({ where: { policyId: policy.id }, select: { group: entity } }),
    tx.rolePolicyAttachment.findMany({ where: { policyId: policy.id }, select: { role: entity } }),
    tx.user.findMany({ where: { boundaryPolicyId: policy.id }, select: { name: true, arn: true } }),
    tx.role.findMany({ where: { boundaryPolicyId: policy.id }, select: { name: true, arn: true } }),
    tx.policyVersion.count({ where: { policyId: policy.id, versionId: { not: policy.defaultVersionId } } }),
  ]);
  return { users: users.map((a) => a.user), groups: groups.map((a) => a.group), roles: roles.map((a) => a.role), userBoundaries, roleBoundaries, otherVersions };
}

type Uses = Awaited<ReturnType<typeof findUses>>;

function describeUses(uses: Uses): string {
  return describeCounts([
    [uses.users.length, "user attachment"],
    [uses.groups.length, "group attachment"],
    [uses.roles.length, "role attachment"],
    [uses.userBoundaries.length + uses.roleBoundaries.length, "permissions boundary use"],
    [uses.otherVersions, "non-default version"],
  ]);
}

function logRemovals(uses: Uses, policyName: string, accountId: string, log: (c: ChangeRecord) => void) {
  const note = `(policy ${policyName} deleted)`;
  for (const u of uses.users) log({ accountId, action: "DetachUserPolicy", targetArn: u.arn, summary: `Detached ${policyName} from user ${u.name} ${note}.` });
  for (const g of uses.groups) log({ accountId, action: "DetachGroupPolicy", targetArn: g.arn, summary: `Detached ${policyName} from group ${g.name} ${note}.` });
  for (const r of uses.roles) log({ accountId, action: "DetachRolePolicy", targetArn: r.arn, summary: `Detached ${policyName} from role ${r.name} ${note}.` });
  for (const u of uses.userBoundaries) log({ accountId, action: "DeleteUserPermissionsBoundary", targetArn: u.arn, summary: `Removed permissions boundary ${policyName} from user ${u.name} ${note}.` });
  for (const r of uses.roleBoundaries) log({ accountId, action: "DeleteRolePermissionsBoundary", targetArn: r.arn, summary: `Removed permissions boundary ${policyName} from role ${r.name} ${note}.` });
}

/**
 * DeletePolicy. AWS refuses while the policy is attached, used as a permissions boundary, or has
 * versions besides the default ("Deleting IAM policies", IAM User Guide); with `force` all of
 * that is removed first, in the same transaction.
 */
export function deletePolicy(accountId: string, policyName: string, options: { force: boolean }): Promise<void> {
  return write(async (tx, log) => {
    const policy = await findPolicyByNameOrThrow(tx, accountId, policyName);
    assertCustomerManaged(policy);
    const uses = await findUses(tx, policy);
    const remaining = describeUses(uses);
    if (remaining && !options.force) {
      throw deleteConflict(
        `Policy ${policy.name} cannot be deleted: it still has ${remaining}. Remove them first.`,
        "policyName",
      );
    }
    if (remaining) {
      await tx.userPolicyAttachment.deleteMany({ where: { policyId: policy.id } });
      await tx.groupPolicyAttachment.deleteMany({ where: { policyId: policy.id } });
      await tx.rolePolicyAttachment.deleteMany({ where: { policyId: policy.id } });
      await tx.user.updateMany({ where: { boundaryPolicyId: policy.id }, data: { boundaryPolicyId: null } });
      await tx.role.updateMany({ where: { boundaryPolicyId: policy.id }, data: { boundaryPolicyId: null } });
      logRemovals(uses, policy.name, accountId, log);
    }
    // Versions and tags go with the policy (cascade).
    await tx.policy.delete({ where: { id: policy.id } });
    log({
      accountId,
      action: "DeletePolicy",
      targetArn: policy.arn,
      summary: remaining ? `Deleted policy ${policy.name} after removing its ${remaining}.` : `Deleted policy ${policy.name}.`,
    });
  });
}
