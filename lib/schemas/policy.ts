import { z } from "./zod";
import { strictObject } from "@/lib/schemas/strict";
import { iamPath, listQuery, pageQuery, policyArn, policyDocumentText, policyName, tags, type Page, type Tag } from "@/lib/schemas/common";

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

export const createPolicyInput = strictObject({
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
  /** Only the policy named exactly this (regardless of case): a picker's exact match, never a 404. */
  name: z.string().trim().max(128).optional().default(""),
  onlyAttached: booleanFlag,
});
export type ListPoliciesQuery = z.infer<typeof listPoliciesQuery>;

/** `?force=true` on a delete: remove what blocks it first, in the same transaction. */
export const forceQuery = strictObject({ force: booleanFlag });

export const versionId = z.string().regex(/^v[1-9]\d{0,8}$/, 'Version id must look like "v1", "v2", ….');

export const createPolicyVersionInput = strictObject({
  policyDocument: policyDocumentText,
  setAsDefault: z.boolean().optional().default(false),
});
export const setDefaultPolicyVersionInput = strictObject({ versionId });
/** AttachXPolicy / PutXPermissionsBoundary body, and DetachXPolicy `?policyArn=`. */
export const policyArnInput = strictObject({ policyArn });
export const putInlinePolicyInput = strictObject({ policyDocument: policyDocumentText });

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

export const POLICY_USAGES = ["PermissionsPolicy", "PermissionsBoundary"] as const;
export type PolicyUsage = (typeof POLICY_USAGES)[number];
export const POLICY_ENTITY_KINDS = ["user", "group", "role"] as const;
export type PolicyEntityKind = (typeof POLICY_ENTITY_KINDS)[number];

/**
 * ListEntitiesForPolicy's `?entity=user|group|role&usage=PermissionsPolicy|PermissionsBoundary`
 * (AWS's EntityFilter and PolicyUsageFilter) with `page` and `pageSize`.
 */
export const policyEntitiesQuery = pageQuery.extend({
  entity: z.enum(POLICY_ENTITY_KINDS, "entity must be user, group or role.").optional(),
  usage: z.enum(POLICY_USAGES, "usage must be PermissionsPolicy or PermissionsBoundary.").optional(),
});
export type PolicyEntitiesQuery = z.output<typeof policyEntitiesQuery>;

/** A user, group or role that has the policy attached or as its permissions boundary. */
export interface PolicyEntity {
  kind: PolicyEntityKind;
  name: string;
  id: string;
  arn: string;
  usage: PolicyUsage;
}

/**
 * ListEntitiesForPolicy: one page of who in the account has the policy attached or as a
 * boundary, users first, then groups, then roles; each by name, an attachment before a boundary.
 */
export type PolicyEntities = Page<PolicyEntity>;
