/**
 * Every action the change log records: the AWS API action each console write performs (write.ts
 * logs them), the seed's import of AWS managed policies, which writes its event itself
 * (prisma/seed/import-managed-policies.ts), and the console's own ResetDemo (lib/data/reset-demo.ts). Kept caches decide from these what to read again
 * (who-can-inventory-patch.ts), and their tables are typed over this union, so an action missing
 * from them does not compile.
 */
export const IAM_ACTIONS = [
  "CreateAccount",
  "CloseAccount",
  "CreateAccountAlias",
  "DeleteAccountAlias",
  "PutAccountName",
  "StartPrimaryEmailUpdate",
  "CreateUser",
  "UpdateUser",
  "DeleteUser",
  "TagUser",
  "UntagUser",
  "CreateGroup",
  "UpdateGroup",
  "DeleteGroup",
  "AddUserToGroup",
  "RemoveUserFromGroup",
  "CreateRole",
  "UpdateRole",
  "UpdateAssumeRolePolicy",
  "DeleteRole",
  "TagRole",
  "UntagRole",
  "AttachUserPolicy",
  "DetachUserPolicy",
  "PutUserPolicy",
  "DeleteUserPolicy",
  "AttachGroupPolicy",
  "DetachGroupPolicy",
  "PutGroupPolicy",
  "DeleteGroupPolicy",
  "AttachRolePolicy",
  "DetachRolePolicy",
  "PutRolePolicy",
  "DeleteRolePolicy",
  "PutUserPermissionsBoundary",
  "DeleteUserPermissionsBoundary",
  "PutRolePermissionsBoundary",
  "DeleteRolePermissionsBoundary",
  "CreatePolicy",
  "DeletePolicy",
  "CreatePolicyVersion",
  "DeletePolicyVersion",
  "SetDefaultPolicyVersion",
  "TagPolicy",
  "UntagPolicy",
  "CreateAccessKey",
  "UpdateAccessKey",
  "DeleteAccessKey",
  "CreateLoginProfile",
  "UpdateLoginProfile",
  "DeleteLoginProfile",
  "ChangePassword",
  "UpdateAccountPasswordPolicy",
  "DeleteAccountPasswordPolicy",
  "CreateVirtualMFADevice",
  "EnableMFADevice",
  "DeactivateMFADevice",
  "DeleteVirtualMFADevice",
  "CreateInstanceProfile",
  "DeleteInstanceProfile",
  "AddRoleToInstanceProfile",
  "RemoveRoleFromInstanceProfile",
  "ImportAwsManagedPolicies",
  "ResetDemo",
] as const;

export type IamAction = (typeof IAM_ACTIONS)[number];

const KNOWN: ReadonlySet<string> = new Set(IAM_ACTIONS);

/** Whether a stored event's action (a plain string in the database) is one this version writes. */
export const isIamAction = (action: string): action is IamAction => KNOWN.has(action);
