import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { noSuchEntity } from "@/lib/errors";
import { findAccountOrThrow, nameKey } from "@/lib/data/lookup";
import type { Tx } from "@/lib/data/write";
import type { InstanceProfile } from "@/lib/schemas/instance-profile";

// One select and one mapping for every answer with instance profiles (with the role they hold).

export const instanceProfileSelect = {
  id: true,
  name: true,
  nameLower: true,
  path: true,
  arn: true,
  createdAt: true,
  role: { select: { id: true, name: true, path: true, arn: true, createdAt: true, description: true, maxSessionDuration: true, trustPolicy: true } },
} satisfies Prisma.InstanceProfileSelect;

type Row = Prisma.InstanceProfileGetPayload<{ select: typeof instanceProfileSelect }>;

export function toInstanceProfile(row: Row): InstanceProfile {
  return {
    instanceProfileName: row.name,
    instanceProfileId: row.id,
    path: row.path,
    arn: row.arn,
    createdAt: row.createdAt.toISOString(),
    roles: row.role
      ? [
          {
            roleName: row.role.name,
            roleId: row.role.id,
            path: row.role.path,
            arn: row.role.arn,
            createdAt: row.role.createdAt.toISOString(),
            description: row.role.description,
            maxSessionDuration: row.role.maxSessionDuration,
            trustPolicy: row.role.trustPolicy,
          },
        ]
      : [],
  };
}

/** The instance profile by name (case-insensitively), or AWS's NoSuchEntity. */
export async function findInstanceProfileOrThrow(tx: Tx, accountId: string, name: string, field = "instanceProfileName") {
  const profile = await tx.instanceProfile.findUnique({ where: { accountId_nameLower: { accountId, nameLower: nameKey(name) } } });
  if (profile) return profile;
  await findAccountOrThrow(tx, accountId);
  throw noSuchEntity(`Instance Profile ${name} cannot be found.`, field);
}

/** The profile's answer, read inside `tx`. */
export async function readInstanceProfile(tx: Tx, id: string): Promise<InstanceProfile> {
  return toInstanceProfile(await tx.instanceProfile.findUniqueOrThrow({ where: { id }, select: instanceProfileSelect }));
}
