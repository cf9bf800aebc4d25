import { z } from "zod";
import { iamPath, inlinePolicyName, listQuery, policyArn, policyDocumentText, policyName, tags, type Tag } from "@/lib/schemas/common";

// Managed policy rules from the IAM API reference (CreatePolicy, CreatePolicyVersion,
// ListPolicies, ListEntitiesForPolicy).

const description = z
  .string()
  .max(1000, "Description must be at most 1,000 characters.")
  .regex(/^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/, "Description contains characters AWS does not accept.");

const booleanFlag = z
  .enum(["true", "false"], { error: 'Use "true" or "false".' })
  .optional()
  .transform((v) => v === "true");

export const createPolicyInput = z.object({
  policyName,
  path: iamPath,
  description: description.default(""),
  policyDocument: policyDocumentText,
  tags: tags.default([]),
});
export type CreatePolicyInput = z.infer<typeof createPolicyInput>;

export const POLICY_SCOPES = ["All", "AWS", "Local"] as const;
export type PolicyScope = (typeof POLICY_SCOPES)[number];
export const POLICY_SORT_KEYS = ["name", "attachments", "created", "updated"] as const;
export type PolicySortKey = (typeof POLICY_SORT_KEYS)[number];

export const listPoliciesQuery = listQuery(POLICY_SORT_KEYS).extend({
  scope: z.enum(POLICY_SCOPES).optional().default("All"),
  onlyAttached: booleanFlag,
});
export type ListPoliciesQuery = z.infer<typeof listPoliciesQuery>;

/** `?force=true` on a delete: remove what blocks it first, in the same transaction. */
export const forceQuery = z.object({ force: booleanFlag });

export const versionId = z.string().regex(/^v[1-9]\d{0,8}$/, 'Version id must look like "v1", "v2", ….');

export const createPolicyVersionInput = z.object({
  policyDocument: policyDocumentText,
  setAsDefault: z.boolean().optional().default(false),
});
export const setDefaultPolicyVersionInput = z.object({ versionId });
/** AttachXPolicy / PutXPermissionsBoundary body, and DetachXPolicy `?policyArn=`. */
export const policyArnInput = z.object({ policyArn });
export const putInlinePolicyInput = z.object({ policyDocument: policyDocumentText });

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

export type PolicyUsage = "PermissionsPolicy" | "PermissionsBoundary";

/** ListEntitiesForPolicy: who in the account has the policy attached or as a boundary. */
export interface PolicyEntities {
  users: { userName: string; userId: string; arn: string; usage: PolicyUsage }[];
  groups: { groupName: string; groupId: string; arn: string; usage: PolicyUsage }[];
  roles: { roleName: string; roleId: string; arn: string; usage: PolicyUsage }[];
}

/** PutUserPolicy / PutGroupPolicy / PutRolePolicy: the name in the path must be a valid name. */
export const inlinePolicyParams = z.object({ policyName: inlinePolicyName });
