import "server-only";
import { noSuchEntity } from "@/lib/errors";
import { findRoleOrThrow, findUserOrThrow } from "@/lib/data/lookup";
import type { BoundaryHolderKind } from "@/lib/data/put-permissions-boundary";
import { write } from "@/lib/data/write";

/** DeleteUserPermissionsBoundary / DeleteRolePermissionsBoundary. */
export function deletePermissionsBoundary(kind: BoundaryHolderKind, accountId: string, holderName: string): Promise<void> {
  return write(async (tx, log) => {
    const holder =
      kind === "user" ? await findUserOrThrow(tx, accountId, holderName) : await findRoleOrThrow(tx, accountId, holderName);
    if (holder.boundaryPolicyId === null) {
      throw noSuchEntity(`The ${kind} ${holder.name} has no permissions boundary.`);
    }
    const data = { boundaryPolicyId: null };
    if (kind === "user") await tx.user.update({ where: { id: holder.id }, data });
    else await tx.role.update({ where: { id: holder.id }, data });
    log({
      accountId,
      action: kind === "user" ? "DeleteUserPermissionsBoundary" : "DeleteRolePermissionsBoundary",
      targetArn: holder.arn,
      summary: `Removed the permissions boundary of ${kind} ${holder.name}.`,
    });
  });
}
