import type { Tag } from "@/lib/schemas/common";

/**
 * GetAccountAuthorizationDetails' entities as plain data (times as ISO strings, documents as
 * written): IAM's UserDetail, GroupDetail, RoleDetail and ManagedPolicyDetail in camelCase, for
 * the AWS endpoint and for exports. Read by authorization-details-rows.ts.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */

export interface InlinePolicyDetail {
  policyName: string;
  /** The document exactly as written (the AWS endpoint URL-encodes it). */
  policyDocument: string;
}

export interface AttachedPolicyRef {
  policyName: string;
  policyArn: string;
}

export interface UserDetail {
  path: string;
  userName: string;
  userId: string;
  arn: string;
  createdAt: string;
  inlinePolicies: InlinePolicyDetail[];
  /** The names of the groups the user is in. */
  groups: string[];
  attachedPolicies: AttachedPolicyRef[];
  permissionsBoundaryArn: string | null;
  tags: Tag[];
}

export interface GroupDetail {
  path: string;
  groupName: string;
  groupId: string;
  arn: string;
  createdAt: string;
  inlinePolicies: InlinePolicyDetail[];
  attachedPolicies: AttachedPolicyRef[];
}

/** An instance profile of a role (its one role is the role it is listed under). */
export interface InstanceProfileDetail {
  path: string;
  instanceProfileName: string;
  instanceProfileId: string;
  arn: string;
  createdAt: string;
}

export interface RoleDetail {
  path: string;
  roleName: string;
  roleId: string;
  arn: string;
  createdAt: string;
  description: string;
  maxSessionDuration: number;
  assumeRolePolicyDocument: string;
  instanceProfiles: InstanceProfileDetail[];
  inlinePolicies: InlinePolicyDetail[];
  attachedPolicies: AttachedPolicyRef[];
  permissionsBoundaryArn: string | null;
  tags: Tag[];
  /** When the role was last assumed (STS AssumeRole or the console's Switch Role), if known. */
  lastUsedAt: string | null;
}

export interface PolicyVersionDetail {
  versionId: string;
  document: string;
  isDefaultVersion: boolean;
  createdAt: string;
}

export interface ManagedPolicyDetail {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  awsManaged: boolean;
  defaultVersionId: string;
  /** Attachments in this account (an AWS managed policy's in other accounts are not counted). */
  attachmentCount: number;
  permissionsBoundaryUsageCount: number;
  isAttachable: boolean;
  description: string;
  createdAt: string;
  updatedAt: string;
  /** Every version, newest first. */
  versions: PolicyVersionDetail[];
}
