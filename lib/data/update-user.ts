import "server-only";
import { userArn } from "@/lib/arn";
import { alreadyExists } from "@/lib/errors";
import { findUserOrThrow } from "@/lib/data/lookup";
import { readUser } from "@/lib/data/user-shape";
import { write } from "@/lib/data/write";
import type { UpdateUserInput, User } from "@/lib/schemas/user";

/** UpdateUser: new name and/or path. The ARN holds both, so it is rebuilt and stored. */
export function updateUser(accountId: string, userName: string, input: UpdateUserInput): Promise<User> {
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const name = input.newUserName ?? user.name;
    const path = input.newPath ?? user.path;
    // The same name and path: nothing to write and nothing to log.
    if (name === user.name && path === user.path) return readUser(tx, user.id);
    const nameLower = name.toLowerCase();
    if (nameLower !== user.nameLower) {
      const clash = await tx.user.findUnique({
        where: { accountId_nameLower: { accountId, nameLower } },
        select: { name: true },
      });
      if (clash) {
        throw alreadyExists(`A user named ${clash.name} already exists in account ${accountId}.`, "newUserName");
      }
    }
    const arn = userArn(accountId, path, name);
    await tx.user.update({ where: { id: user.id }, data: { name, nameLower, path, arn } });
    // The user's console sessions act as the user under its new name and path (they hold the ARN
    // they signed in with): aws:username and the implicit UserName of their requests follow the
    // user, never another user made later under the old name.
    await tx.session.updateMany({ where: { userId: user.id }, data: { principalArn: arn } });
    const changes = [
      name !== user.name ? `renamed ${user.name} to ${name}` : "",
      path !== user.path ? `moved from path ${user.path} to ${path}` : "",
    ].filter(Boolean);
    log({
      accountId,
      action: "UpdateUser",
      targetArn: arn,
      summary: `User ${changes.join(" and ")}.`,
    });
    return readUser(tx, user.id);
  });
}
