import "server-only";
import { z } from "@/lib/schemas/zod";
import { iamPath, policyArn, policyDocumentText, roleName } from "@/lib/schemas/common";
import { createRoleInput, updateRoleInput } from "@/lib/schemas/role";
import { roleArn } from "@/lib/arn";
import { boundaryContext, op, requestTagContext } from "@/lib/api/operations";
import { deleteRoleOperations } from "@/lib/api/delete-operations";
import { createRole } from "@/lib/data/create-role";
import { deleteRole } from "@/lib/data/delete-role";
import { roleLastAssumed } from "@/lib/data/authorization-details-rows";
import { getRole } from "@/lib/data/get-role";
import { db } from "@/lib/db";
import { listRoleRows } from "@/lib/data/list-role-rows";
import { updateAssumeRolePolicy } from "@/lib/data/update-assume-role-policy";
import { updateRole } from "@/lib/data/update-role";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { awsInteger, awsTags, pagingFields, pathPrefix } from "@/lib/aws/inputs";
import { page, paging } from "@/lib/aws/paging";
import { onRole, roleLastUsedOut, roleListOut, roleOut } from "@/lib/aws/iam/role-shapes";
import { roleExtraOperations } from "@/lib/aws/iam/role-extras";

/**
 * IAM's role operations (IAM API Reference: CreateRole, GetRole, UpdateRole, …), each authorized
 * as the console's roles routes authorize the same call and done by the same lib/data function.
 * Tags and permissions boundaries: role-extras.ts.
 */

/** Description: at most 1,000 characters of the characters AWS accepts (the console's rule). */
const description = updateRoleInput.shape.description.unwrap();
/** MaxSessionDuration: one to twelve hours, in seconds. */
const maxSessionDuration = awsInteger(3600, 43200);

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html */
const createRoleOperation = awsOperation({
  service: "iam",
  action: "CreateRole",
  input: z.object({
    RoleName: roleName,
    Path: iamPath,
    AssumeRolePolicyDocument: policyDocumentText,
    Description: createRoleInput.shape.description,
    MaxSessionDuration: maxSessionDuration.optional(),
    PermissionsBoundary: policyArn.optional(),
    Tags: awsTags.optional(),
  }),
  authorize: (input, caller) =>
    op(accountOf(caller), "iam:CreateRole", roleArn(accountOf(caller), input.Path, input.RoleName), {
      ...requestTagContext(input.Tags),
      ...boundaryContext(input.PermissionsBoundary),
    }),
  run: async (input, caller) => {
    const role = await createRole(accountOf(caller), {
      roleName: input.RoleName,
      path: input.Path,
      description: input.Description,
      trustPolicy: input.AssumeRolePolicyDocument,
      maxSessionDuration: input.MaxSessionDuration ?? 3600,
      tags: input.Tags ?? [],
      permissionsBoundaryArn: input.PermissionsBoundary,
    });
    return { Role: roleOut(role) };
  },
});

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html */
const getRoleOperation = awsOperation({
  service: "iam",
  action: "GetRole",
  readOnly: true,
  input: z.object({ RoleName: roleName }),
  authorize: (input, caller) => onRole(caller, input.RoleName, "iam:GetRole", { withBoundary: true }),
  run: async (input, caller) => {
    const role = await getRole(accountOf(caller), input.RoleName);
    const lastUsed = await roleLastAssumed(db(), [role.roleId]);
    return { Role: { ...roleOut(role), RoleLastUsed: roleLastUsedOut(lastUsed.get(role.roleId)) } };
  },
});

/** UpdateRole answers an empty result. https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html */
const updateRoleOperation = awsOperation({
  service: "iam",
  action: "UpdateRole",
  input: z.object({ RoleName: roleName, Description: description.optional(), MaxSessionDuration: maxSessionDuration.optional() }),
  authorize: (input, caller) => onRole(caller, input.RoleName, "iam:UpdateRole", { withBoundary: true }),
  run: async (input, caller) => {
    await updateRole(accountOf(caller), input.RoleName, { description: input.Description, maxSessionDuration: input.MaxSessionDuration });
    return {};
  },
});

/** The description alone, answering the role. https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRoleDescription.html */
const updateRoleDescriptionOperation = awsOperation({
  service: "iam",
  action: "UpdateRoleDescription",
  input: z.object({ RoleName: roleName, Description: description }),
  authorize: (input, caller) => onRole(caller, input.RoleName, "iam:UpdateRoleDescription", { withBoundary: true }),
  run: async (input, caller) => ({ Role: roleOut(await updateRole(accountOf(caller), input.RoleName, { description: input.Description })) }),
});

/**
 * DeleteRole: refused with DeleteConflict while the role is in an instance profile or has
 * policies, as AWS refuses (the console's force delete is the console's own).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html
 */
const deleteRoleOperation = awsOperation({
  service: "iam",
  action: "DeleteRole",
  input: z.object({ RoleName: roleName }),
  authorize: (input, caller) => deleteRoleOperations(accountOf(caller), input.RoleName, false),
  run: async (input, caller) => {
    await deleteRole(accountOf(caller), input.RoleName, { force: false });
    return null;
  },
});

/** ListRoles has no resource type in the Service Authorization Reference: its resource is "*". https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html */
const listRolesOperation = awsOperation({
  service: "iam",
  action: "ListRoles",
  readOnly: true,
  input: z.object({ PathPrefix: pathPrefix, ...pagingFields }),
  authorize: (_input, caller) => op(accountOf(caller), "iam:ListRoles", "*"),
  run: async (input, caller) => {
    const paged = paging(input);
    const rows = await listRoleRows(accountOf(caller), { pathPrefix: input.PathPrefix, after: paged.after, take: paged.take + 1 });
    const { items, IsTruncated, Marker } = page(rows, paged, (row) => row.nameLower);
    return { Roles: items.map((row) => roleListOut({ ...row, roleName: row.name, roleId: row.id })), IsTruncated, Marker };
  },
});

/**
 * UpdateAssumeRolePolicy: a document the engine's validator refuses is MalformedPolicyDocument,
 * in the validator's words. https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html
 */
const updateAssumeRolePolicyOperation = awsOperation({
  service: "iam",
  action: "UpdateAssumeRolePolicy",
  input: z.object({ RoleName: roleName, PolicyDocument: policyDocumentText }),
  authorize: (input, caller) => onRole(caller, input.RoleName, "iam:UpdateAssumeRolePolicy", { withBoundary: true }),
  run: async (input, caller) => {
    await updateAssumeRolePolicy(accountOf(caller), input.RoleName, input.PolicyDocument);
    return null;
  },
});

export const roleOperations: SomeAwsOperation[] = [
  createRoleOperation,
  getRoleOperation,
  updateRoleOperation,
  updateRoleDescriptionOperation,
  deleteRoleOperation,
  listRolesOperation,
  updateAssumeRolePolicyOperation,
  ...roleExtraOperations,
];
