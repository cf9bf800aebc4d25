import "server-only";
import { accountRootArn, iamArn, type IamEntityKind } from "@/lib/arn";
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
