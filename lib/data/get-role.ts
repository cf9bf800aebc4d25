import "server-only";
import { db } from "@/lib/db";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { readRole } from "@/lib/data/role-shape";
import type { Role } from "@/lib/schemas/role";

/** GetRole (with its tags and permissions boundary). */
export async function getRole(accountId: string, roleName: string): Promise<Role> {
  const role = await findRoleOrThrow(db(), accountId, roleName);
  return readRole(db(), role.id);
}
