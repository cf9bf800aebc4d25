import "server-only";
import { boundaryContext, op, principalTarget } from "@/lib/api/operations";
import type { Operation } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import type { ContextValue } from "@/lib/iam";
import { accountOf } from "@/lib/aws/operation";
import { REGION } from "@/lib/auth/identity";
import { boundaryOut, encodedDocument, tagsOut, when } from "@/lib/aws/shapes";
import type { Role } from "@/lib/schemas/role";

/**
 * The Role data type as IAM's answers carry it, and the role operations' common authorization.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html
 */

/** The fields every Role answer has; lists (ListRoles, an instance profile's Roles) answer only these. */
export interface RoleFields {
  path: string;
  roleName: string;
  roleId: string;
  arn: string;
  createdAt: string | Date;
  trustPolicy: string;
  description: string;
  maxSessionDuration: number;
}

/** A Role in a list: ListRoles leaves out PermissionsBoundary, RoleLastUsed and Tags, as AWS does. */
export const roleListOut = (role: RoleFields) => ({
  Path: role.path,
  RoleName: role.roleName,
  RoleId: role.roleId,
  Arn: role.arn,
  CreateDate: when(role.createdAt),
  // Trust policies are answered URL-encoded, as IAM returns them.
  AssumeRolePolicyDocument: encodedDocument(role.trustPolicy),
  // A role without a description answers none (AWS omits the element).
  Description: role.description === "" ? undefined : role.description,
  MaxSessionDuration: role.maxSessionDuration,
});

/**
 * CreateRole's, GetRole's and UpdateRoleDescription's Role: with its permissions boundary and
 * tags. GetRole adds RoleLastUsed (roleLastUsedOut).
 */
export const roleOut = (role: Role) => ({
  ...roleListOut(role),
  PermissionsBoundary: boundaryOut(role.permissionsBoundary),
  Tags: role.tags.length > 0 ? tagsOut(role.tags) : undefined,
});

/**
 * GetRole's RoleLastUsed: when the role was last assumed (STS AssumeRole or a console switch role,
 * lib/data/authorization-details-rows.ts roleLastAssumed) and in which Region (the console is
 * called at us-east-1); a role never used answers the element empty, as AWS does.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_RoleLastUsed.html
 */
export const roleLastUsedOut = (lastUsedAt: Date | undefined) => (lastUsedAt ? { LastUsedDate: lastUsedAt, Region: REGION } : {});

/**
 * `action` on the role, with its aws:ResourceTag/… and iam:ResourceTag/…, `context`, and (when
 * `withBoundary`) iam:PermissionsBoundary naming the role's own boundary, as the console's roles
 * routes declare the same calls (app/api/v1/accounts/[accountId]/roles/[roleName]/…).
 */
export async function onRole(caller: Caller, roleName: string, action: string, options: { withBoundary?: boolean; context?: Record<string, ContextValue> } = {}): Promise<Operation> {
  const account = accountOf(caller);
  const role = await principalTarget("role", account, roleName);
  return op(account, action, role.arn, { ...role.resourceContext, ...(options.withBoundary ? boundaryContext(role.boundaryArn) : {}), ...options.context });
}
