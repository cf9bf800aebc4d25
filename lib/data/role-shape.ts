import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/data/write";
import type { Role, RoleSummary } from "@/lib/schemas/role";

// One select and one mapping for every answer with roles; counts come from _count, no N+1.

export const roleSummarySelect = {
  id: true,
  name: true,
  path: true,
  arn: true,
  description: true,
  createdAt: true,
  maxSessionDuration: true,
  boundary: { select: { arn: true, name: true } },
  _count: { select: { attachedPolicies: true } },
} satisfies Prisma.RoleSelect;

export const roleDetailSelect = {
  ...roleSummarySelect,
  trustPolicy: true,
  tags: { select: { key: true, value: true }, orderBy: { keyLower: "asc" } },
} satisfies Prisma.RoleSelect;

type SummaryRow = Prisma.RoleGetPayload<{ select: typeof roleSummarySelect }>;
type DetailRow = Prisma.RoleGetPayload<{ select: typeof roleDetailSelect }>;

export function toRoleSummary(row: SummaryRow): RoleSummary {
  return {
    roleName: row.name,
    roleId: row.id,
    path: row.path,
    arn: row.arn,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    maxSessionDuration: row.maxSessionDuration,
    attachedPolicyCount: row._count.attachedPolicies,
    permissionsBoundaryArn: row.boundary?.arn ?? null,
  };
}

export function toRole(row: DetailRow): Role {
  return {
    ...toRoleSummary(row),
    trustPolicy: row.trustPolicy,
    tags: row.tags,
    permissionsBoundary: row.boundary,
  };
}

/** The role's detail as the API answers it, read inside `tx`. */
export async function readRole(tx: Tx, roleId: string): Promise<Role> {
  return toRole(await tx.role.findUniqueOrThrow({ where: { id: roleId }, select: roleDetailSelect }));
}
