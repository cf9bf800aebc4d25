import "server-only";
import { accountRootArn, iamArn, parseIamArn, type IamEntityKind } from "@/lib/arn";
import { db } from "@/lib/db";
import type { Operation } from "@/lib/auth/authorize";
import type { ContextValue } from "@/lib/iam";

/**
 * Building blocks for the routes' `authorize` declarations: each route names the IAM operation it
 * performs, on the resource ARN AWS's IAM API would check, with the request's own condition keys
 * (the Service Authorization Reference's "Actions, resources, and condition keys for AWS Identity
 * and Access Management"). Entity ARNs carry the entity's path, so they are read from the database;
 * an entity that does not exist is named with the path "/" (the request then fails NoSuchEntity
 * if it is allowed).
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */

/** `account` is the account the request is made to (the path's accountId). */
export const op = (account: string, action: string, resource: string, context?: Record<string, ContextValue>): Operation =>
  context && Object.keys(context).length > 0 ? { account, action, resource, context } : { account, action, resource };

const PATH_OF: Record<Exclude<IamEntityKind, "policy">, (accountId: string, nameLower: string) => Promise<{ path: string; name: string } | null>> = {
  user: (accountId, nameLower) => db().user.findUnique({ where: { accountId_nameLower: { accountId, nameLower } }, select: { path: true, name: true } }),
  group: (accountId, nameLower) => db().group.findUnique({ where: { accountId_nameLower: { accountId, nameLower } }, select: { path: true, name: true } }),
  role: (accountId, nameLower) => db().role.findUnique({ where: { accountId_nameLower: { accountId, nameLower } }, select: { path: true, name: true } }),
};

/** The ARN of a stored user, group or role (with its path and stored spelling), or with path "/" when there is none. */
export async function entityArn(kind: "user" | "group" | "role", accountId: string, name: string): Promise<string> {
  const found = await PATH_OF[kind](accountId, name.toLowerCase());
  return iamArn(accountId, kind, found?.path ?? "/", found?.name ?? name);
}

/** A customer managed policy's ARN by its name in the account (with its path), or with path "/". */
export async function policyArnByName(accountId: string, name: string): Promise<string> {
  const found = await db().policy.findUnique({ where: { accountId_nameLower: { accountId, nameLower: name.toLowerCase() } }, select: { arn: true } });
  return found?.arn ?? iamArn(accountId, "policy", "/", name);
}

/** The account's root ARN: what account-level IAM actions without a resource type are named on in messages. */
export const accountResource = (accountId: string): string => accountRootArn(accountId);

/** aws:RequestTag/KEY for each tag and aws:TagKeys, for a request that sets tags. */
export function requestTagContext(tags: readonly { key: string; value: string }[] | undefined): Record<string, ContextValue> {
  if (!tags || tags.length === 0) return {};
  const context: Record<string, ContextValue> = { "aws:TagKeys": tags.map((tag) => tag.key) };
  for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value;
  return context;
}

/** aws:TagKeys for a request that removes tags. */
export const tagKeysContext = (keys: readonly string[]): Record<string, ContextValue> => (keys.length === 0 ? {} : { "aws:TagKeys": [...keys] });

/** A stored user, group, role or customer managed policy as the resource of a request. */
export interface Target {
  /** Its ARN with its path (path "/" and the name as asked for when there is none). */
  arn: string;
  /** Its stored path and spelling (or "/" and the name as asked for). */
  path: string;
  name: string;
  /**
   * The resource type's condition keys for its tags: aws:ResourceTag/KEY for users, roles and
   * policies, and iam:ResourceTag/KEY too for users and roles (the Service Authorization
   * Reference's resource types table).
   */
  resourceContext: Record<string, ContextValue>;
  /** The user's or role's permissions boundary, for the actions that list iam:PermissionsBoundary. */
  boundaryArn: string | null;
}

type Tagged = { key: string; value: string }[];
const TARGET_FIELDS = { path: true, name: true, boundary: { select: { arn: true } }, tags: { select: { key: true, value: true } } } as const;

/** aws:ResourceTag/KEY (and iam:ResourceTag/KEY for users and roles) for a stored resource's tags. */
export function resourceTags(tags: Tagged, withIamKey: boolean): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const { key, value } of tags) {
    context[`aws:ResourceTag/${key}`] = value;
    if (withIamKey) context[`iam:ResourceTag/${key}`] = value;
  }
  return context;
}

/** The user, group or role named in the path, with its boundary and tags in one look-up. */
export async function principalTarget(kind: "user" | "group" | "role", accountId: string, name: string): Promise<Target> {
  const where = { accountId_nameLower: { accountId, nameLower: name.toLowerCase() } };
  const found =
    kind === "user"
      ? await db().user.findUnique({ where, select: TARGET_FIELDS })
      : kind === "role"
        ? await db().role.findUnique({ where, select: TARGET_FIELDS })
        : await db().group.findUnique({ where, select: { path: true, name: true } }).then((group) => group && { ...group, boundary: null, tags: [] });
  const path = found?.path ?? "/";
  const stored = found?.name ?? name;
  return {
    arn: iamArn(accountId, kind, path, stored),
    path,
    name: stored,
    resourceContext: resourceTags(found?.tags ?? [], true),
    boundaryArn: found?.boundary?.arn ?? null,
  };
}

/** A policy named in the path: the account's customer managed policy, else the AWS managed one of that name (as the data layer finds it). */
export async function policyTarget(accountId: string, name: string): Promise<Target> {
  const nameLower = name.toLowerCase();
  const select = { arn: true, tags: { select: { key: true, value: true } } } as const;
  const found =
    (await db().policy.findUnique({ where: { accountId_nameLower: { accountId, nameLower } }, select })) ??
    (await db().policy.findFirst({ where: { awsManaged: true, nameLower }, select }));
  const arn = found?.arn ?? iamArn(accountId, "policy", "/", name);
  const parsed = parseIamArn(arn);
  return { arn, path: parsed?.path ?? "/", name: parsed?.name ?? name, resourceContext: resourceTags(found?.tags ?? [], false), boundaryArn: null };
}

/** iam:PermissionsBoundary naming `arn` (the request's boundary, or the target's current one); nothing when there is none. */
export const boundaryContext = (arn: string | null | undefined): Record<string, ContextValue> => (arn ? { "iam:PermissionsBoundary": arn } : {});

/**
 * Update{User,Group}: AWS checks the action on both the entity's ARN now and its ARN after a new
 * name or path ("permissions on both the source object and the target object", UpdateUser and
 * UpdateGroup in the IAM API Reference); one operation when the ARN stays the same.
 */
export async function renameOperations(
  kind: "user" | "group",
  accountId: string,
  name: string,
  change: { newName?: string; newPath?: string },
): Promise<Operation[]> {
  const target = await principalTarget(kind, accountId, name);
  const action = kind === "user" ? "iam:UpdateUser" : "iam:UpdateGroup";
  const renamed = iamArn(accountId, kind, change.newPath ?? target.path, change.newName ?? target.name);
  const operations = [op(accountId, action, target.arn, target.resourceContext)];
  if (renamed !== target.arn) operations.push(op(accountId, action, renamed, target.resourceContext));
  return operations;
}

/** `action` on the user named in the path, with the user's resource tags. */
export async function onUser(params: { accountId: string; userName: string }, action: string): Promise<Operation> {
  const user = await principalTarget("user", params.accountId, params.userName);
  return op(params.accountId, action, user.arn, user.resourceContext);
}

/** What setting a console password is in AWS: CreateLoginProfile for a user without one, else UpdateLoginProfile. */
export async function loginProfileAction(accountId: string, userName: string): Promise<"iam:CreateLoginProfile" | "iam:UpdateLoginProfile"> {
  const withPassword = await db().user.count({ where: { accountId, nameLower: userName.toLowerCase(), passwordHash: { not: null } } });
  return withPassword > 0 ? "iam:UpdateLoginProfile" : "iam:CreateLoginProfile";
}

/**
 * The organization an account manages: o- and the last ten digits of the management account's id
 * (AWS's ids are o- and 10 to 32 lower-case letters or digits). The console keeps one organization
 * per management account and never stores its id: it follows from the account.
 */
export const organizationId = (managementAccountId: string): string => `o-${managementAccountId.slice(-10)}`;

/** Organizations' `account` resource type: arn:aws:organizations::MANAGEMENT:account/o-ORG/ACCOUNT. */
export const organizationsAccountArn = (managementAccountId: string, accountId: string): string =>
  `arn:aws:organizations::${managementAccountId}:account/${organizationId(managementAccountId)}/${accountId}`;

/** Account Management's `account` resource type (a request about the caller's own account). */
export const accountManagementArn = (accountId: string): string => `arn:aws:account::${accountId}:account`;

/** Account Management's `accountInOrganization` resource type: arn:aws:account::MANAGEMENT:account/o-ORG/ACCOUNT. */
export const accountInOrganizationArn = (managementAccountId: string, accountId: string): string =>
  `arn:aws:account::${managementAccountId}:account/${organizationId(managementAccountId)}/${accountId}`;

/**
 * An operation as a caller of another account may see it: the IAM API never reaches across
 * accounts, so the request is refused whatever it says, and the refusal must not tell what that
 * account holds (an entity's path, the stored spelling of its name, its tags). Operations in the
 * caller's acting account are kept as they are.
 */
export function asSeenBy(callerAccount: string, operation: Operation): Operation {
  if (operation.account === callerAccount) return operation;
  const entity = parseIamArn(operation.resource);
  // Names are compared case-insensitively by IAM: the lower-case form tells nothing of the stored one.
  const resource = entity && entity.accountId !== "aws" ? iamArn(entity.accountId, entity.kind, "/", entity.name.toLowerCase()) : operation.resource;
  return { account: operation.account, action: operation.action, resource };
}

/**
 * `action` on the user, group or role `name` (with its path), with its resource tags and the keys
 * `extra` adds from the stored target: how the console's routes and the AWS endpoint declare every
 * operation on a policy holder (lib/api/principal-routes.ts, lib/aws/iam/attachment-holders.ts).
 */
export async function entityOperation(
  kind: "user" | "group" | "role",
  account: string,
  name: string,
  action: string,
  extra: (target: Target) => Record<string, ContextValue> = () => ({}),
): Promise<Operation> {
  const target = await principalTarget(kind, account, name);
  return op(account, action, target.arn, { ...target.resourceContext, ...extra(target) });
}

/** The target's iam:PermissionsBoundary (groups have none, so their actions get none). */
export const ownBoundary = (target: Target): Record<string, ContextValue> => boundaryContext(target.boundaryArn);
