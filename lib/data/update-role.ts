import "server-only";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { readRole } from "@/lib/data/role-shape";
import { write } from "@/lib/data/write";
import type { Role, UpdateRoleInput } from "@/lib/schemas/role";

/** UpdateRole: description and maximum session duration. */
export function updateRole(accountId: string, roleName: string, input: UpdateRoleInput): Promise<Role> {
  return write(async (tx, log) => {
    const role = await findRoleOrThrow(tx, accountId, roleName);
    await tx.role.update({
      where: { id: role.id },
      data: { description: input.description, maxSessionDuration: input.maxSessionDuration },
    });
    const changed = [
      input.description !== undefined ? "description" : null,
      input.maxSessionDuration !== undefined ? `maximum session duration ${input.maxSessionDuration} s` : null,
    ].filter((s): s is string => s !== null);
    log({ accountId, action: "UpdateRole", targetArn: role.arn, summary: `Updated role ${role.name}: ${changed.join(", ")}.` });
    return readRole(tx, role.id);
  });
}
