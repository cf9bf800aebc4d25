import "server-only";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { assertValidTrustPolicy } from "@/lib/data/policy-documents";
import { readRole } from "@/lib/data/role-shape";
import { write } from "@/lib/data/write";
import type { Role } from "@/lib/schemas/role";

/** UpdateAssumeRolePolicy: replaces the role's trust policy (stored as written). */
export async function updateAssumeRolePolicy(accountId: string, roleName: string, policyDocument: string): Promise<Role> {
  assertValidTrustPolicy(policyDocument, "policyDocument");
  return write(async (tx, log) => {
    const role = await findRoleOrThrow(tx, accountId, roleName);
    // The same text again changes nothing: no write and no event.
    if (role.trustPolicy === policyDocument) return readRole(tx, role.id);
    await tx.role.update({ where: { id: role.id }, data: { trustPolicy: policyDocument } });
    log({ accountId, action: "UpdateAssumeRolePolicy", targetArn: role.arn, summary: `Updated the trust policy of role ${role.name}.` });
    return readRole(tx, role.id);
  });
}
