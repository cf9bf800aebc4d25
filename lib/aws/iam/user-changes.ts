import "server-only";
import { z } from "@/lib/schemas/zod";
import { iamPath, policyArn, userName } from "@/lib/schemas/common";
import { boundaryContext, op, principalTarget, renameOperations } from "@/lib/api/operations";
import { deleteUserOperations } from "@/lib/api/delete-operations";
import { updateUser } from "@/lib/data/update-user";
import { deleteUser } from "@/lib/data/delete-user";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { deletePermissionsBoundary } from "@/lib/data/delete-permissions-boundary";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";

/**
 * IAM's writes to an existing user: UpdateUser, DeleteUser and the permissions boundary. Each is
 * authorized as the console's users/{userName} and permissions-boundary routes authorize the same
 * call, and done by the same lib/data function. None has a result element (AWS answers only
 * ResponseMetadata).
 */

/**
 * UpdateUser: a new name and/or path. AWS checks iam:UpdateUser on the user's ARN now and on its ARN
 * after the change ("you must have permissions on both the source object and the target object"),
 * as the console's PATCH does. Neither parameter is required by AWS: without both nothing changes.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateUser.html
 */
const updateUserOperation = awsOperation({
  service: "iam",
  action: "UpdateUser",
  input: z.object({ UserName: userName, NewUserName: userName.optional(), NewPath: iamPath.unwrap().optional() }),
  authorize: (input, caller) => renameOperations("user", accountOf(caller), input.UserName, { newName: input.NewUserName, newPath: input.NewPath }),
  run: async (input, caller) => {
    await updateUser(accountOf(caller), input.UserName, { newUserName: input.NewUserName, newPath: input.NewPath });
    return null;
  },
});

/**
 * DeleteUser: AWS refuses with DeleteConflict while the user still has a password, access keys,
 * MFA devices, group memberships or policies; the API has no force, so the console's delete runs
 * without it.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html
 */
const deleteUserOperation = awsOperation({
  service: "iam",
  action: "DeleteUser",
  input: z.object({ UserName: userName }),
  authorize: (input, caller) => deleteUserOperations(accountOf(caller), input.UserName, false),
  run: async (input, caller) => {
    await deleteUser(accountOf(caller), input.UserName, { force: false });
    return null;
  },
});

/**
 * PutUserPermissionsBoundary: iam:PermissionsBoundary is the boundary being set.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPermissionsBoundary.html
 */
const putUserPermissionsBoundaryOperation = awsOperation({
  service: "iam",
  action: "PutUserPermissionsBoundary",
  input: z.object({ UserName: userName, PermissionsBoundary: policyArn }),
  authorize: async (input, caller) => {
    const user = await principalTarget("user", accountOf(caller), input.UserName);
    return op(accountOf(caller), "iam:PutUserPermissionsBoundary", user.arn, { ...user.resourceContext, ...boundaryContext(input.PermissionsBoundary) });
  },
  run: async (input, caller) => {
    await putPermissionsBoundary("user", accountOf(caller), input.UserName, input.PermissionsBoundary);
    return null;
  },
});

/**
 * DeleteUserPermissionsBoundary: iam:PermissionsBoundary is the boundary being removed.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPermissionsBoundary.html
 */
const deleteUserPermissionsBoundaryOperation = awsOperation({
  service: "iam",
  action: "DeleteUserPermissionsBoundary",
  input: z.object({ UserName: userName }),
  authorize: async (input, caller) => {
    const user = await principalTarget("user", accountOf(caller), input.UserName);
    return op(accountOf(caller), "iam:DeleteUserPermissionsBoundary", user.arn, { ...user.resourceContext, ...boundaryContext(user.boundaryArn) });
  },
  run: async (input, caller) => {
    await deletePermissionsBoundary("user", accountOf(caller), input.UserName);
    return null;
  },
});

export const userChangeOperations: SomeAwsOperation[] = [
  updateUserOperation,
  deleteUserOperation,
  putUserPermissionsBoundaryOperation,
  deleteUserPermissionsBoundaryOperation,
];
