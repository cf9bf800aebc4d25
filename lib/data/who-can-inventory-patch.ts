import "server-only";
import { parseIamArn } from "@/lib/arn";
import type { Stamp } from "@/lib/data/compiled-policies";
import { isIamAction, type IamAction } from "@/lib/data/iam-action";
import type { Inventory, InventoryPrincipal } from "@/lib/data/who-can-inventory-read";
import type { Tx } from "@/lib/data/write";

/**
 * After changes, which users and roles of the kept inventory to read again, and whether the
 * patched inventory can be trusted (see loadInventory in who-can-inventory.ts).
 */

/**
 * What each change makes who-can read again:
 * - "principal": the one user or role it names (the event's target); a rename or move names the
 *   new ARN, and the kept entry of the same id is replaced.
 * - "group": a group's policies or members changed (a forced delete removes both): its members
 *   now, and the users the kept inventory shows receiving policies through it (matched by the
 *   group's name).
 * - "policy": what a managed policy says changed: the principals the kept inventory shows holding it.
 * - "nothing": what the inventory does not hold (credentials, MFA devices, a role's description,
 *   an account's names, a policy's tags), or what nobody holds yet (a new policy or group is
 *   attached to nobody; a new account's role is logged as its own CreateRole).
 *   Accounts are read anew with every patch.
 * - "everything": a group's rename (until then the kept inventory knows the group by its old
 *   name), the import of AWS managed policies (any of their texts may have changed), a demo
 *   reset (whole accounts written anew, lib/data/reset-demo.ts) and a closed account (it goes
 *   with every entity it held, lib/data/delete-account.ts).
 */
type Reread = "principal" | "group" | "policy" | "nothing" | "everything";

const REREAD = {
  CreateUser: "principal",
  UpdateUser: "principal",
  DeleteUser: "principal",
  TagUser: "principal",
  UntagUser: "principal",
  AttachUserPolicy: "principal",
  DetachUserPolicy: "principal",
  PutUserPolicy: "principal",
  DeleteUserPolicy: "principal",
  PutUserPermissionsBoundary: "principal",
  DeleteUserPermissionsBoundary: "principal",
  CreateRole: "principal",
  DeleteRole: "principal",
  TagRole: "principal",
  UntagRole: "principal",
  AttachRolePolicy: "principal",
  DetachRolePolicy: "principal",
  PutRolePolicy: "principal",
  DeleteRolePolicy: "principal",
  PutRolePermissionsBoundary: "principal",
  DeleteRolePermissionsBoundary: "principal",
  UpdateAssumeRolePolicy: "principal",
  AttachGroupPolicy: "group",
  DetachGroupPolicy: "group",
  PutGroupPolicy: "group",
  DeleteGroupPolicy: "group",
  AddUserToGroup: "group",
  RemoveUserFromGroup: "group",
  DeleteGroup: "group",
  CreatePolicyVersion: "policy",
  SetDefaultPolicyVersion: "policy",
  DeletePolicyVersion: "policy",
  DeletePolicy: "policy",
  CreateAccessKey: "nothing",
  UpdateAccessKey: "nothing",
  DeleteAccessKey: "nothing",
  CreateLoginProfile: "nothing",
  UpdateLoginProfile: "nothing",
  DeleteLoginProfile: "nothing",
  ChangePassword: "nothing",
  UpdateAccountPasswordPolicy: "nothing",
  DeleteAccountPasswordPolicy: "nothing",
  CreateVirtualMFADevice: "nothing",
  EnableMFADevice: "nothing",
  DeactivateMFADevice: "nothing",
  DeleteVirtualMFADevice: "nothing",
  UpdateRole: "nothing",
  CreatePolicy: "nothing",
  TagPolicy: "nothing",
  UntagPolicy: "nothing",
  CreateGroup: "nothing",
  CreateAccount: "nothing",
  CloseAccount: "everything",
  CreateAccountAlias: "nothing",
  DeleteAccountAlias: "nothing",
  // Instance profiles pass a role to EC2: no policy or principal of who-can changes.
  CreateInstanceProfile: "nothing",
  DeleteInstanceProfile: "nothing",
  AddRoleToInstanceProfile: "nothing",
  RemoveRoleFromInstanceProfile: "nothing",
  PutAccountName: "nothing",
  StartPrimaryEmailUpdate: "nothing",
  UpdateGroup: "everything",
  ImportAwsManagedPolicies: "everything",
  ResetDemo: "everything",
} as const satisfies Record<IamAction, Reread>;

/** The changes that add or remove policy versions: without one, the count of versions must not move. */
const VERSION_CHANGES: ReadonlySet<string> = new Set(["CreatePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "DeletePolicy"] satisfies IamAction[]);

/** More changes, or more principals to read, than these: reading everything is as quick. */
const MAX_INCREMENTAL = 1_000;
const MAX_REREAD = 2_000;

/** The kind of entity an ARN names in an account; undefined for AWS managed policies and other ARNs. */
const accountEntityKind = (arn: string) => {
  const parsed = parseIamArn(arn);
  return parsed?.accountId === "aws" ? undefined : parsed?.kind;
};

export interface Changed {
  users: Set<string>;
  roles: Set<string>;
  /** Whether some change added or removed policy versions. */
  versions: boolean;
}

/**
 * The users and roles (by ARN) whose part of the inventory the changes after `since` may have
 * altered, judged against the kept inventory; null when everything must be read (a rename, an
 * unknown kind of change, too many).
 */
export async function changedPrincipals(tx: Tx, since: number, kept: Inventory): Promise<Changed | null> {
  const events = await tx.changeEvent.findMany({ where: { id: { gt: since } }, select: { action: true, targetArn: true }, orderBy: { id: "asc" }, take: MAX_INCREMENTAL + 1 });
  if (events.length > MAX_INCREMENTAL) return null;
  const changed: Changed = { users: new Set(), roles: new Set(), versions: events.some(({ action }) => VERSION_CHANGES.has(action)) };
  const groups = new Set<string>();
  const policies = new Set<string>();
  for (const { action, targetArn } of events) {
    // An action this version does not know (written by a newer one) may have changed anything.
    const reread = isIamAction(action) ? REREAD[action] : "everything";
    if (reread === "nothing") continue;
    const kind = accountEntityKind(targetArn);
    if (reread === "principal" && kind === "user") changed.users.add(targetArn);
    else if (reread === "principal" && kind === "role") changed.roles.add(targetArn);
    else if (reread === "group" && kind === "group") groups.add(targetArn);
    else if (reread === "policy" && kind === "policy") policies.add(targetArn);
    else return null;
  }
  if (groups.size > 0) {
    const members = await tx.groupMembership.findMany({ where: { group: { arn: { in: [...groups] } } }, select: { user: { select: { arn: true } } } });
    for (const { user } of members) changed.users.add(user.arn);
    // Those who received policies through the group before the change (a member since removed).
    const named = new Set([...groups].map((arn) => { const group = parseIamArn(arn)!; return `${group.accountId}/${group.name}`; }));
    for (const user of kept.users) {
      if (user.identity.some((held) => held.viaGroup !== null && named.has(`${user.accountId}/${held.viaGroup}`))) changed.users.add(user.arn);
    }
  }
  if (policies.size > 0) {
    const holds = (principal: InventoryPrincipal) =>
      principal.identity.some((held) => held.meta.arn !== null && policies.has(held.meta.arn)) || (principal.boundary?.meta.arn != null && policies.has(principal.boundary.meta.arn));
    for (const user of kept.users) if (holds(user)) changed.users.add(user.arn);
    for (const role of kept.roles) if (holds(role)) changed.roles.add(role.arn);
  }
  return changed.users.size + changed.roles.size > MAX_REREAD ? null : changed;
}

/**
 * Whether a patched inventory agrees with the counts read with the stamp: as many users and
 * roles, as many policies attached to users directly, and policy versions that moved only with a
 * change that explains it. Rows written around the change log (a bulk import) fail this, and
 * everything is read again.
 */
export function agrees(candidate: Inventory, stamp: Stamp, versionsExplained: boolean): boolean {
  let attachments = 0;
  for (const user of candidate.users) for (const held of user.identity) if (held.meta.kind === "managed" && held.viaGroup === null) attachments += 1;
  return candidate.users.length === stamp.users && candidate.roles.length === stamp.roles && attachments === stamp.userAttachments && versionsExplained;
}

/**
 * The inventory with the listed principals replaced by their fresh rows (matched by ARN, or by id
 * after a rename), or gone if deleted.
 */
export function patched(inventory: Inventory, fresh: Inventory, changed: Changed): Inventory {
  const freshIds = new Set([...fresh.users, ...fresh.roles].map((principal) => principal.id));
  const unchanged = (arns: ReadonlySet<string>) => (principal: InventoryPrincipal) => !arns.has(principal.arn) && !freshIds.has(principal.id);
  return {
    accountIds: fresh.accountIds,
    users: [...inventory.users.filter(unchanged(changed.users)), ...fresh.users],
    roles: [...inventory.roles.filter(unchanged(changed.roles)), ...fresh.roles],
  };
}
