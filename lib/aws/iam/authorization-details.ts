import "server-only";
import { roleLastUsedOut } from "@/lib/aws/iam/role-shapes";
import { z } from "@/lib/schemas/zod";
import { op } from "@/lib/api/operations";
import {
  accountAuthorizationDetails,
  AUTHORIZATION_ENTITY_TYPES,
  detailsByKind,
  type AttachedPolicyRef,
  type GroupDetail,
  type InlinePolicyDetail,
  type ManagedPolicyDetail,
  type RoleDetail,
  type UserDetail,
} from "@/lib/data/account-authorization-details";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { awsList, pagingFields } from "@/lib/aws/inputs";
import { page, paging } from "@/lib/aws/paging";
import { boundaryOut, encodedDocument, tagsOut, when } from "@/lib/aws/shapes";
import type { XmlValue } from "@/lib/aws/xml";

/**
 * GetAccountAuthorizationDetails: the data assembly is lib/data/account-authorization-details.ts
 * (plain objects, reused by exports); this file only maps it to IAM's UserDetail, GroupDetail,
 * RoleDetail and ManagedPolicyDetail, with every policy document URL-encoded as the raw API
 * returns it. The action has no resource type in the Service Authorization Reference: "*".
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */

const inlineOut = (policies: InlinePolicyDetail[]): XmlValue[] => policies.map((p) => ({ PolicyName: p.policyName, PolicyDocument: encodedDocument(p.policyDocument) }));
const attachedOut = (policies: AttachedPolicyRef[]): XmlValue[] => policies.map((p) => ({ PolicyName: p.policyName, PolicyArn: p.policyArn }));
const boundary = (arn: string | null) => boundaryOut(arn === null ? null : { arn });
const tags = (list: { key: string; value: string }[]) => (list.length > 0 ? tagsOut(list) : undefined);

const userOut = (user: UserDetail) => ({
  Path: user.path,
  UserName: user.userName,
  UserId: user.userId,
  Arn: user.arn,
  CreateDate: when(user.createdAt),
  UserPolicyList: inlineOut(user.inlinePolicies),
  GroupList: user.groups,
  AttachedManagedPolicies: attachedOut(user.attachedPolicies),
  PermissionsBoundary: boundary(user.permissionsBoundaryArn),
  Tags: tags(user.tags),
});

const groupOut = (group: GroupDetail) => ({
  Path: group.path,
  GroupName: group.groupName,
  GroupId: group.groupId,
  Arn: group.arn,
  CreateDate: when(group.createdAt),
  GroupPolicyList: inlineOut(group.inlinePolicies),
  AttachedManagedPolicies: attachedOut(group.attachedPolicies),
});

/** An instance profile holds one role: the role it is listed under, in the Role data type. */
function roleOut(role: RoleDetail) {
  const asRole = {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: when(role.createdAt),
    AssumeRolePolicyDocument: encodedDocument(role.assumeRolePolicyDocument),
    Description: role.description || undefined,
    MaxSessionDuration: role.maxSessionDuration,
  };
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: when(role.createdAt),
    AssumeRolePolicyDocument: encodedDocument(role.assumeRolePolicyDocument),
    InstanceProfileList: role.instanceProfiles.map((profile) => ({
      Path: profile.path,
      InstanceProfileName: profile.instanceProfileName,
      InstanceProfileId: profile.instanceProfileId,
      Arn: profile.arn,
      CreateDate: when(profile.createdAt),
      Roles: [asRole],
    })),
    RolePolicyList: inlineOut(role.inlinePolicies),
    AttachedManagedPolicies: attachedOut(role.attachedPolicies),
    PermissionsBoundary: boundary(role.permissionsBoundaryArn),
    Tags: tags(role.tags),
    // Present and empty for a role never used, as IAM answers it.
    RoleLastUsed: roleLastUsedOut(when(role.lastUsedAt)),
  };
}

const policyOut = (policy: ManagedPolicyDetail) => ({
  PolicyName: policy.policyName,
  PolicyId: policy.policyId,
  Arn: policy.arn,
  Path: policy.path,
  DefaultVersionId: policy.defaultVersionId,
  AttachmentCount: policy.attachmentCount,
  PermissionsBoundaryUsageCount: policy.permissionsBoundaryUsageCount,
  IsAttachable: policy.isAttachable,
  Description: policy.description || undefined,
  CreateDate: when(policy.createdAt),
  UpdateDate: when(policy.updatedAt),
  PolicyVersionList: policy.versions.map((version) => ({
    Document: encodedDocument(version.document),
    VersionId: version.versionId,
    IsDefaultVersion: version.isDefaultVersion,
    CreateDate: when(version.createdAt),
  })),
});

const getAccountAuthorizationDetailsOperation = awsOperation({
  service: "iam",
  action: "GetAccountAuthorizationDetails",
  readOnly: true,
  input: z.object({
    Filter: awsList(z.array(z.enum(AUTHORIZATION_ENTITY_TYPES, `Filter members must be among ${AUTHORIZATION_ENTITY_TYPES.join(", ")}.`))).optional(),
    ...pagingFields,
  }),
  authorize: (_input, caller) => op(accountOf(caller), "iam:GetAccountAuthorizationDetails", "*"),
  run: async (input, caller) => {
    const paged = paging(input);
    const entries = await accountAuthorizationDetails(accountOf(caller), { filter: input.Filter ?? [], after: paged.after, take: paged.take + 1 });
    const { items, IsTruncated, Marker } = page(entries, paged, (entry) => entry.key);
    const { users, groups, roles, policies } = detailsByKind(items);
    return {
      UserDetailList: users.map(userOut),
      GroupDetailList: groups.map(groupOut),
      RoleDetailList: roles.map(roleOut),
      Policies: policies.map(policyOut),
      IsTruncated,
      Marker,
    };
  },
});

export const authorizationDetailsOperations: SomeAwsOperation[] = [getAccountAuthorizationDetailsOperation];
