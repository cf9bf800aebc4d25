import "server-only";
import { findBoundaryPolicyOrThrow } from "@/lib/data/boundary-policy";
import { findRoleOrThrow, findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

export type BoundaryHolderKind = "user" | "role";

export interface PermissionsBoundary {
  arn: string;
  name: string;
}

/**
 * PutUserPermissionsBoundary / PutRolePermissionsBoundary: sets or replaces the managed policy
 * that caps the entity's permissions. Groups cannot have one.
 */
export function putPermissionsBoundary(
  kind: BoundaryHolderKind,
  accountId: string,
  holderName: string,
  policyArn: string,
): Promise<PermissionsBoundary> {
  return write(async (tx, log) => {
    const policy = await findBoundaryPolicyOrThrow(tx, accountId, policyArn);
    const holder =
      kind === "user" ? await findUserOrThrow(tx, accountId, holderName) : await findRoleOrThrow(tx, accountId, holderName);
    if (holder.boundaryPolicyId === policy.id) return { arn: policy.arn, name: policy.name };
    const data = { boundaryPolicyId: policy.id };
    if (kind === "user") await tx.user.update({ where: { id: holder.id }, data });
    else await tx.role.update({ where: { id: holder.id }, data });
    log({
      accountId,
      action: kind === "user" ? "PutUserPermissionsBoundary" : "PutRolePermissionsBoundary",
      targetArn: holder.arn,
      summary: `Set permissions boundary ${policy.name} on ${kind} ${holder.name}.`,
    });
    return { arn: policy.arn, name: policy.name };
  });
}
