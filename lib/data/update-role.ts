import "server-only";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { readRole } from "@/lib/data/role-shape";
import { write } from "@/lib/data/write";
import type { Role, UpdateRoleInput } from "@/lib/schemas/role";

/** UpdateRole: description and maximum session duration. */
export function updateRole(accountId: string, roleName: string, input: UpdateRoleInput): Promise<Role> {
  return write(async (tx, log) => {
    const role = await findRoleOrThrow(tx, accountId, roleName);
    // Only what differs is written and logged; values as they already are change nothing.
    const description = input.description !== undefined && input.description !== role.description ? input.description : undefined;
    const maxSessionDuration =
      input.maxSessionDuration !== undefined && input.maxSessionDuration !== role.maxSessionDuration ? input.maxSessionDuration : undefined;
    if (description === undefined && maxSessionDuration === undefined) return readRole(tx, role.id);
    await tx.role.update({ where: { id: role.id }, data: { description, maxSessionDuration } });
    const changed = [
      description !== undefined ? "description" : null,
      maxSessionDuration !== undefined ? `maximum session duration ${maxSessionDuration} s` : null,
    ].filter((s): s is string => s !== null);
    log({ accountId, action: "UpdateRole", targetArn: role.arn, summary: `Updated role ${role.name}: ${changed.join(", ")}.` });
    return readRole(tx, role.id);
  });
}
