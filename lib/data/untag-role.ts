import "server-only";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/** UntagRole: removes the tags with these keys (case-insensitively); absent keys are ignored, as in AWS. */
export function untagRole(accountId: string, roleName: string, keys: string[]): Promise<void> {
  return write(async (tx, log) => {
    const role = await findRoleOrThrow(tx, accountId, roleName);
    const { count } = await tx.roleTag.deleteMany({
      where: { roleId: role.id, keyLower: { in: keys.map((k) => k.toLowerCase()) } },
    });
    if (count > 0) {
      log({ accountId, action: "UntagRole", targetArn: role.arn, summary: `Removed tags from role ${role.name}: ${keys.join(", ")}.` });
    }
  });
}
