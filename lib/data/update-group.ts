import "server-only";
import { groupArn } from "@/lib/arn";
import { alreadyExists } from "@/lib/errors";
import { readGroup } from "@/lib/data/group-shape";
import { findGroupOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { GroupSummary, UpdateGroupInput } from "@/lib/schemas/group";

/** UpdateGroup: new name and/or path. The ARN holds both, so it is rebuilt and stored. */
export function updateGroup(accountId: string, groupName: string, input: UpdateGroupInput): Promise<GroupSummary> {
  return write(async (tx, log) => {
    const group = await findGroupOrThrow(tx, accountId, groupName);
    const name = input.newGroupName ?? group.name;
    const path = input.newPath ?? group.path;
    // The same name and path: nothing to write and nothing to log.
    if (name === group.name && path === group.path) return readGroup(tx, group.id);
    const nameLower = name.toLowerCase();
    if (nameLower !== group.nameLower) {
      const clash = await tx.group.findUnique({
        where: { accountId_nameLower: { accountId, nameLower } },
        select: { name: true },
      });
      if (clash) {
        throw alreadyExists(`A group named ${clash.name} already exists in account ${accountId}.`, "newGroupName");
      }
    }
    const arn = groupArn(accountId, path, name);
    await tx.group.update({ where: { id: group.id }, data: { name, nameLower, path, arn } });
    const changes = [
      name !== group.name ? `renamed ${group.name} to ${name}` : "",
      path !== group.path ? `moved from path ${group.path} to ${path}` : "",
    ].filter(Boolean);
    log({
      accountId,
      action: "UpdateGroup",
      targetArn: arn,
      summary: `Group ${changes.join(" and ")}.`,
    });
    return readGroup(tx, group.id);
  });
}
