// Response shapes of the /api/v1 contract (docs/api.md), as the browser receives them.

export type Tag = { key: string; value: string };

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Account {
  accountId: string;
  alias: string;
  displayName: string;
  rootEmail: string;
  createdAt: string;
  counts: { users: number; groups: number; roles: number; policies: number };
}

export interface BoundaryRef {
  arn: string;
  name: string;
}

export interface UserSummary {
  userName: string;
  userId: string;
  path: string;
  arn: string;
  createdAt: string;
  groupCount: number;
  attachedPolicyCount: number;
  hasPassword: boolean;
  accessKeyCount: number;
  permissionsBoundaryArn: string | null;
}

export interface User extends UserSummary {
  tags: Tag[];
  permissionsBoundary: BoundaryRef | null;
  passwordSetAt: string | null;
  passwordResetRequired: boolean;
}

export interface GroupSummary {
  groupName: string;
  groupId: string;
  path: string;
  arn: string;
  createdAt: string;
  memberCount: number;
  attachedPolicyCount: number;
}

export interface RoleSummary {
  roleName: string;
  roleId: string;
  path: string;
  arn: string;
  description: string;
  createdAt: string;
  maxSessionDuration: number;
  attachedPolicyCount: number;
  permissionsBoundaryArn: string | null;
}

export interface Role extends RoleSummary {
  trustPolicy: string;
  tags: Tag[];
  permissionsBoundary: BoundaryRef | null;
}

export interface PolicySummary {
  policyName: string;
  policyId: string;
  path: string;
  arn: string;
  description: string;
  awsManaged: boolean;
  defaultVersionId: string;
  attachmentCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Policy extends PolicySummary {
  document: string;
  versionCount: number;
  tags: Tag[];
}

export interface PolicyVersion {
  versionId: string;
  isDefault: boolean;
  createdAt: string;
  document: string;
}

export interface AttachedPolicy {
  policyName: string;
  arn: string;
  awsManaged: boolean;
}

export interface InlinePolicy {
  policyName: string;
  document: string;
  updatedAt: string;
}

export type AccessKeyStatus = "Active" | "Inactive";

export interface AccessKey {
  accessKeyId: string;
  status: AccessKeyStatus;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface NewAccessKey extends AccessKey {
  secretAccessKey: string;
}

export interface MfaDevice {
  serialNumber: string;
  name: string;
  enabledAt: string;
}

export interface ChangeEvent {
  id: string;
  at: string;
  accountId: string;
  action: string;
  targetArn: string;
  summary: string;
}

/** How an entity uses a managed policy (ListEntitiesForPolicy's PolicyUsageFilter). */
export type PolicyUsage = "PermissionsPolicy" | "PermissionsBoundary";

/** ListEntitiesForPolicy: who has the policy attached, or uses it as a permissions boundary. */
export interface PolicyEntities {
  users: { userName: string; userId: string; arn: string; usage: PolicyUsage }[];
  groups: { groupName: string; groupId: string; arn: string; usage: PolicyUsage }[];
  roles: { roleName: string; roleId: string; arn: string; usage: PolicyUsage }[];
}

/** The three kinds of principal that hold policies. */
export type PrincipalKind = "users" | "groups" | "roles";

export type SortOrder = "asc" | "desc";

export interface ListParams {
  search: string;
  sort: string;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export type PolicyScope = "All" | "AWS" | "Local";
