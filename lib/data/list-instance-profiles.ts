import "server-only";
import { db } from "@/lib/db";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { instanceProfileSelect, toInstanceProfile } from "@/lib/data/instance-profile-shape";
import type { InstanceProfile } from "@/lib/schemas/instance-profile";

/** An instance profile with the key lists are ordered and paged by. */
export interface InstanceProfileRow {
  nameLower: string;
  profile: InstanceProfile;
}

/**
 * ListInstanceProfiles as the AWS API pages it: the account's instance profiles under
 * `pathPrefix`, by lower-cased name, after the key `after`, at most `take` (through the
 * (accountId, nameLower) index), each with its role.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListInstanceProfiles.html
 */
export async function listInstanceProfileRows(accountId: string, query: { pathPrefix: string; after: string | null; take: number }): Promise<InstanceProfileRow[]> {
  await findAccountOrThrow(db(), accountId);
  const rows = await db().instanceProfile.findMany({
    where: {
      accountId,
      ...(query.pathPrefix !== "/" ? { path: { startsWith: query.pathPrefix } } : {}),
      ...(query.after !== null ? { nameLower: { gt: query.after } } : {}),
    },
    select: instanceProfileSelect,
    orderBy: { nameLower: "asc" },
    take: query.take,
  });
  return rows.map((row) => ({ nameLower: row.nameLower, profile: toInstanceProfile(row) }));
}
