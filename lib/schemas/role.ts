import { z } from "./zod";
import { iamPath, listQuery, policyArn, policyDocumentText, roleName, tags, type Tag } from "@/lib/schemas/common";
import { strictObject } from "@/lib/schemas/strict";

// Role rules from the IAM API reference (CreateRole, UpdateRole): a description of at most 1,000
// characters, a maximum session duration between one and twelve hours.

const description = z
  .string()
  .max(1000, "Description must be at most 1,000 characters.")
  .regex(/^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/, "Description contains characters AWS does not accept.");

const maxSessionDuration = z
  .number({ error: "Maximum session duration must be a number of seconds." })
  .int("Maximum session duration must be a whole number of seconds.")
  .min(3600, "Maximum session duration must be at least 3,600 seconds (1 hour).")
  .max(43200, "Maximum session duration must be at most 43,200 seconds (12 hours).");

export const createRoleInput = strictObject({
  roleName,
  path: iamPath,
  description: description.default(""),
  trustPolicy: policyDocumentText,
  maxSessionDuration: maxSessionDuration.default(3600),
  tags: tags.default([]),
  permissionsBoundaryArn: policyArn.optional(),
});
export type CreateRoleInput = z.infer<typeof createRoleInput>;

export const updateRoleInput = strictObject({
  description: description.optional(),
  maxSessionDuration: maxSessionDuration.optional(),
}).refine(
  (b) => b.description !== undefined || b.maxSessionDuration !== undefined,
  "Give description or maxSessionDuration (or both) to change.",
);
export type UpdateRoleInput = z.infer<typeof updateRoleInput>;

export const trustPolicyInput = strictObject({ policyDocument: policyDocumentText });

export const ROLE_SORT_KEYS = ["name", "created"] as const;
export type RoleSortKey = (typeof ROLE_SORT_KEYS)[number];
export const listRolesQuery = listQuery(ROLE_SORT_KEYS);
export type ListRolesQuery = z.infer<typeof listRolesQuery>;

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
  permissionsBoundary: { arn: string; name: string } | null;
}
