import "server-only";
import { z } from "@/lib/schemas/zod";
import { iamPath, roleName } from "@/lib/schemas/common";
import { instanceProfileArn, instanceProfileName, type InstanceProfile } from "@/lib/schemas/instance-profile";
import { op } from "@/lib/api/operations";
import { addRoleToInstanceProfileOperations, onInstanceProfile } from "@/lib/api/instance-profile-operations";
import { addRoleToInstanceProfile } from "@/lib/data/add-role-to-instance-profile";
import { createInstanceProfile } from "@/lib/data/create-instance-profile";
import { deleteInstanceProfile } from "@/lib/data/delete-instance-profile";
import { getInstanceProfile } from "@/lib/data/get-instance-profile";
import { listInstanceProfileRows } from "@/lib/data/list-instance-profiles";
import { listInstanceProfilesForRole } from "@/lib/data/list-instance-profiles-for-role";
import { removeRoleFromInstanceProfile } from "@/lib/data/remove-role-from-instance-profile";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { pagingFields, pathPrefix } from "@/lib/aws/inputs";
import { page, pageOfAll, paging } from "@/lib/aws/paging";
import { when } from "@/lib/aws/shapes";
import { onRole, roleListOut } from "@/lib/aws/iam/role-shapes";

/**
 * IAM's instance profile operations: the container that passes one role to an EC2 instance.
 * Authorized on the instance-profile resource type (lib/api/instance-profile-operations.ts, which
 * the console's routes use too); AddRoleToInstanceProfile also needs iam:PassRole on the role.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
 */

/** The InstanceProfile data type (its roles as ListRoles answers them). https://docs.aws.amazon.com/IAM/latest/APIReference/API_InstanceProfile.html */
const instanceProfileOut = (profile: InstanceProfile) => ({
  Path: profile.path,
  InstanceProfileName: profile.instanceProfileName,
  InstanceProfileId: profile.instanceProfileId,
  Arn: profile.arn,
  CreateDate: when(profile.createdAt),
  Roles: profile.roles.map(roleListOut),
});

const createInstanceProfileOperation = awsOperation({
  service: "iam",
  action: "CreateInstanceProfile",
  input: z.object({
    InstanceProfileName: instanceProfileName,
    Path: iamPath,
    // The console keeps no tags on instance profiles: refused rather than silently dropped (an empty list, `Tags=`, is none).
    Tags: z.unknown().optional().refine((tags) => tags === undefined || tags === "", "Tags on instance profiles are not supported by this console; create the instance profile without Tags."),
  }),
  authorize: (input, caller) => op(accountOf(caller), "iam:CreateInstanceProfile", instanceProfileArn(accountOf(caller), input.Path, input.InstanceProfileName)),
  run: async (input, caller) => ({
    InstanceProfile: instanceProfileOut(await createInstanceProfile(accountOf(caller), { instanceProfileName: input.InstanceProfileName, path: input.Path })),
  }),
});

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetInstanceProfile.html */
const getInstanceProfileOperation = awsOperation({
  service: "iam",
  action: "GetInstanceProfile",
  readOnly: true,
  input: z.object({ InstanceProfileName: instanceProfileName }),
  authorize: (input, caller) => onInstanceProfile(accountOf(caller), "iam:GetInstanceProfile", input.InstanceProfileName),
  run: async (input, caller) => ({ InstanceProfile: instanceProfileOut(await getInstanceProfile(accountOf(caller), input.InstanceProfileName)) }),
});

/** DeleteConflict while it holds a role. https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteInstanceProfile.html */
const deleteInstanceProfileOperation = awsOperation({
  service: "iam",
  action: "DeleteInstanceProfile",
  input: z.object({ InstanceProfileName: instanceProfileName }),
  authorize: (input, caller) => onInstanceProfile(accountOf(caller), "iam:DeleteInstanceProfile", input.InstanceProfileName),
  run: async (input, caller) => {
    await deleteInstanceProfile(accountOf(caller), input.InstanceProfileName, { force: false });
    return null;
  },
});

/** No resource type: its resource is "*". https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListInstanceProfiles.html */
const listInstanceProfilesOperation = awsOperation({
  service: "iam",
  action: "ListInstanceProfiles",
  readOnly: true,
  input: z.object({ PathPrefix: pathPrefix, ...pagingFields }),
  authorize: (_input, caller) => op(accountOf(caller), "iam:ListInstanceProfiles", "*"),
  run: async (input, caller) => {
    const paged = paging(input);
    const rows = await listInstanceProfileRows(accountOf(caller), { pathPrefix: input.PathPrefix, after: paged.after, take: paged.take + 1 });
    const { items, IsTruncated, Marker } = page(rows, paged, (row) => row.nameLower);
    return { InstanceProfiles: items.map((row) => instanceProfileOut(row.profile)), IsTruncated, Marker };
  },
});

/** One role per profile: LimitExceeded otherwise. https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddRoleToInstanceProfile.html */
const addRoleToInstanceProfileOperation = awsOperation({
  service: "iam",
  action: "AddRoleToInstanceProfile",
  input: z.object({ InstanceProfileName: instanceProfileName, RoleName: roleName }),
  authorize: (input, caller) => addRoleToInstanceProfileOperations(accountOf(caller), input.InstanceProfileName, input.RoleName),
  run: async (input, caller) => {
    await addRoleToInstanceProfile(accountOf(caller), input.InstanceProfileName, input.RoleName);
    return null;
  },
});

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveRoleFromInstanceProfile.html */
const removeRoleFromInstanceProfileOperation = awsOperation({
  service: "iam",
  action: "RemoveRoleFromInstanceProfile",
  input: z.object({ InstanceProfileName: instanceProfileName, RoleName: roleName }),
  authorize: (input, caller) => onInstanceProfile(accountOf(caller), "iam:RemoveRoleFromInstanceProfile", input.InstanceProfileName),
  run: async (input, caller) => {
    await removeRoleFromInstanceProfile(accountOf(caller), input.InstanceProfileName, input.RoleName);
    return null;
  },
});

/** On the role (its resource tags); a short list, paged whole. https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListInstanceProfilesForRole.html */
const listInstanceProfilesForRoleOperation = awsOperation({
  service: "iam",
  action: "ListInstanceProfilesForRole",
  readOnly: true,
  input: z.object({ RoleName: roleName, ...pagingFields }),
  authorize: (input, caller) => onRole(caller, input.RoleName, "iam:ListInstanceProfilesForRole"),
  run: async (input, caller) => {
    const all = await listInstanceProfilesForRole(accountOf(caller), input.RoleName);
    const { items, IsTruncated, Marker } = pageOfAll(all, paging(input), (row) => row.nameLower);
    return { InstanceProfiles: items.map((row) => instanceProfileOut(row.profile)), IsTruncated, Marker };
  },
});

export const instanceProfileOperations: SomeAwsOperation[] = [
  createInstanceProfileOperation,
  getInstanceProfileOperation,
  deleteInstanceProfileOperation,
  listInstanceProfilesOperation,
  addRoleToInstanceProfileOperation,
  removeRoleFromInstanceProfileOperation,
  listInstanceProfilesForRoleOperation,
];
