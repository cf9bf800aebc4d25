import "server-only";
import { findGroupOrThrow, findRoleOrThrow, findUserOrThrow } from "@/lib/data/lookup";
import type { IamAction } from "@/lib/data/iam-action";
import type { Tx } from "@/lib/data/write";

// Users, groups and roles hold managed and inline policies alike; each kind keeps them in its own
// tables. This module is the one place that maps a kind to its tables, so the operations
// (attach, detach, put, delete, list) are written once.

export type PolicyHolderKind = "user" | "group" | "role";

export interface PolicyHolder {
  kind: PolicyHolderKind;
  id: string;
  name: string;
  arn: string;
}

const WORD: Record<PolicyHolderKind, "User" | "Group" | "Role"> = { user: "User", group: "Group", role: "Role" };

/** AWS's action name for an operation on a kind: ("Attach", "user") → "AttachUserPolicy". */
export const policyActionName = (verb: "Attach" | "Detach" | "Put" | "Delete", kind: PolicyHolderKind): IamAction =>
  `${verb}${WORD[kind]}Policy`;

export async function findPolicyHolderOrThrow(
  tx: Tx,
  kind: PolicyHolderKind,
  accountId: string,
  name: string,
): Promise<PolicyHolder> {
  const finder = kind === "user" ? findUserOrThrow : kind === "group" ? findGroupOrThrow : findRoleOrThrow;
  const row = await finder(tx, accountId, name);
  return { kind, id: row.id, name: row.name, arn: row.arn };
}

const policySelect = { id: true, name: true, arn: true, awsManaged: true } as const;

/** The managed policies attached to the holder, by name. */
export async function attachedPolicies(tx: Tx, holder: PolicyHolder) {
  const orderBy = { policy: { nameLower: "asc" as const } };
  const select = { policy: { select: policySelect } };
  const rows =
    holder.kind === "user"
      ? await tx.userPolicyAttachment.findMany({ where: { userId: holder.id }, select, orderBy })
      : holder.kind === "group"
        ? await tx.groupPolicyAttachment.findMany({ where: { groupId: holder.id }, select, orderBy })
        : await tx.rolePolicyAttachment.findMany({ where: { roleId: holder.id }, select, orderBy });
  return rows.map((r) => r.policy);
}

export async function insertAttachment(tx: Tx, holder: PolicyHolder, policyId: string): Promise<void> {
  if (holder.kind === "user") await tx.userPolicyAttachment.create({ data: { userId: holder.id, policyId } });
  else if (holder.kind === "group") await tx.groupPolicyAttachment.create({ data: { groupId: holder.id, policyId } });
  else await tx.rolePolicyAttachment.create({ data: { roleId: holder.id, policyId } });
}

/** Removes the attachment; false when there was none. */
export async function deleteAttachment(tx: Tx, holder: PolicyHolder, policyId: string): Promise<boolean> {
  const { count } =
    holder.kind === "user"
      ? await tx.userPolicyAttachment.deleteMany({ where: { userId: holder.id, policyId } })
      : holder.kind === "group"
        ? await tx.groupPolicyAttachment.deleteMany({ where: { groupId: holder.id, policyId } })
        : await tx.rolePolicyAttachment.deleteMany({ where: { roleId: holder.id, policyId } });
  return count > 0;
}

export interface InlineRow {
  name: string;
  nameLower: string;
  document: string;
  updatedAt: Date;
}

const inlineSelect = { name: true, nameLower: true, document: true, updatedAt: true } as const;

/** The holder's inline policies, by name. */
export async function inlinePolicies(tx: Tx, holder: PolicyHolder): Promise<InlineRow[]> {
  const orderBy = { nameLower: "asc" as const };
  if (holder.kind === "user") return tx.userInlinePolicy.findMany({ where: { userId: holder.id }, select: inlineSelect, orderBy });
  if (holder.kind === "group") return tx.groupInlinePolicy.findMany({ where: { groupId: holder.id }, select: inlineSelect, orderBy });
  return tx.roleInlinePolicy.findMany({ where: { roleId: holder.id }, select: inlineSelect, orderBy });
}

/** Creates or replaces the inline policy of that name (case-insensitively). */
export async function upsertInlinePolicy(tx: Tx, holder: PolicyHolder, name: string, document: string): Promise<InlineRow> {
  const nameLower = name.toLowerCase();
  const now = new Date();
  const create = { name, nameLower, document, createdAt: now, updatedAt: now };
  const update = { document, updatedAt: now };
  if (holder.kind === "user") {
    return tx.userInlinePolicy.upsert({
      where: { userId_nameLower: { userId: holder.id, nameLower } },
      create: { ...create, userId: holder.id },
      update,
      select: inlineSelect,
    });
  }
  if (holder.kind === "group") {
    return tx.groupInlinePolicy.upsert({
      where: { groupId_nameLower: { groupId: holder.id, nameLower } },
      create: { ...create, groupId: holder.id },
      update,
      select: inlineSelect,
    });
  }
  return tx.roleInlinePolicy.upsert({
    where: { roleId_nameLower: { roleId: holder.id, nameLower } },
    create: { ...create, roleId: holder.id },
    update,
    select: inlineSelect,
  });
}

/** Removes the inline policy of that name; false when there was none. */
export async function deleteInlinePolicyRow(tx: Tx, holder: PolicyHolder, name: string): Promise<boolean> {
  const nameLower = name.toLowerCase();
  const { count } =
    holder.kind === "user"
      ? await tx.userInlinePolicy.deleteMany({ where: { userId: holder.id, nameLower } })
      : holder.kind === "group"
        ? await tx.groupInlinePolicy.deleteMany({ where: { groupId: holder.id, nameLower } })
        : await tx.roleInlinePolicy.deleteMany({ where: { roleId: holder.id, nameLower } });
  return count > 0;
}
