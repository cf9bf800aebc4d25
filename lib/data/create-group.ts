import "server-only";
import { groupArn } from "@/lib/arn";
import { alreadyExists } from "@/lib/errors";
import { newUniqueId } from "@/lib/ids";
import { readGroup } from "@/lib/data/group-shape";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { CreateGroupInput, GroupSummary } from "@/lib/schemas/group";

export function createGroup(accountId: string, input: CreateGroupInput): Promise<GroupSummary> {
  return write(async (tx, log) => {
    await findAccountOrThrow(tx, accountId);
    const nameLower = input.groupName.toLowerCase();
    const existing = await tx.group.findUnique({
      where: { accountId_nameLower: { accountId, nameLower } },
      select: { name: true },
    });
    if (existing) {
      throw alreadyExists(`A group named ${existing.name} already exists in account ${accountId}.`, "groupName");
    }
    const arn = groupArn(accountId, input.path, input.groupName);
    const group = await tx.group.create({
      data: { id: newUniqueId("AGPA"), accountId, name: input.groupName, nameLower, path: input.path, arn },
      select: { id: true },
    });
    log({ accountId, action: "CreateGroup", targetArn: arn, summary: `Created group ${input.groupName}.` });
    return readGroup(tx, group.id);
  });
}
