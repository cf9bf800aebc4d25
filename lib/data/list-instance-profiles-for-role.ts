import "server-only";
import { db } from "@/lib/db";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { instanceProfileSelect, toInstanceProfile } from "@/lib/data/instance-profile-shape";
import type { InstanceProfileRow } from "@/lib/data/list-instance-profiles";

/**
 * ListInstanceProfilesForRole: every instance profile holding the role, by lower-cased name
 * (a short list: the AWS endpoint pages it with pageOfAll, the role page shows it whole).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListInstanceProfilesForRole.html
 */
export async function listInstanceProfilesForRole(accountId: string, roleName: string): Promise<InstanceProfileRow[]> {
  const role = await findRoleOrThrow(db(), accountId, roleName);
  const rows = await db().instanceProfile.findMany({ where: { roleId: role.id }, select: instanceProfileSelect, orderBy: { nameLower: "asc" } });
  return rows.map((row) => ({ nameLower: row.nameLower, profile: toInstanceProfile(row) }));
}
