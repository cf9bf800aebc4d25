import "server-only";
import { roleArn } from "@/lib/arn";
import { alreadyExists } from "@/lib/errors";
import { newUniqueId } from "@/lib/ids";
import { findBoundaryPolicyOrThrow } from "@/lib/data/boundary-policy";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { assertValidTrustPolicy } from "@/lib/data/policy-documents";
import { readRole } from "@/lib/data/role-shape";
import { write } from "@/lib/data/write";
import type { CreateRoleInput, Role } from "@/lib/schemas/role";

/** CreateRole: a unique name in the account, a valid trust policy (stored as written). */
export async function createRole(accountId: string, input: CreateRoleInput): Promise<Role> {
  assertValidTrustPolicy(input.trustPolicy);
  return write(async (tx, log) => {
    await findAccountOrThrow(tx, accountId);
    const nameLower = input.roleName.toLowerCase();
    if (await tx.role.findUnique({ where: { accountId_nameLower: { accountId, nameLower } } })) {
      throw alreadyExists(`Role with name ${input.roleName} already exists.`, "roleName");
    }
    const boundary = input.permissionsBoundaryArn
      ? await findBoundaryPolicyOrThrow(tx, accountId, input.permissionsBoundaryArn, "permissionsBoundaryArn")
      : null;
    const arn = roleArn(accountId, input.path, input.roleName);
    const role = await tx.role.create({
      data: {
        id: newUniqueId("AROA"),
        accountId,
        name: input.roleName,
        nameLower,
        path: input.path,
        arn,
        description: input.description,
        trustPolicy: input.trustPolicy,
        maxSessionDuration: input.maxSessionDuration,
        boundaryPolicyId: boundary?.id ?? null,
        tags: {
          create: input.tags.map((t) => ({ key: t.key, keyLower: t.key.toLowerCase(), value: t.value })),
        },
      },
      select: { id: true },
    });
    log({
      accountId,
      action: "CreateRole",
      targetArn: arn,
      summary: `Created role ${input.roleName}${boundary ? ` with permissions boundary ${boundary.name}` : ""}.`,
    });
    return readRole(tx, role.id);
  });
}
