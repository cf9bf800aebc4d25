import "server-only";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/** UntagUser: removes the keys (case-insensitively); keys the user does not have are ignored, as in AWS. */
export function untagUser(accountId: string, userName: string, keys: string[]): Promise<void> {
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const { count } = await tx.userTag.deleteMany({
      where: { userId: user.id, keyLower: { in: keys.map((k) => k.toLowerCase()) } },
    });
    if (count > 0) {
      log({
        accountId,
        action: "UntagUser",
        targetArn: user.arn,
        summary: `Removed ${count} tag(s) from user ${user.name}: ${keys.join(", ")}.`,
      });
    }
  });
}
