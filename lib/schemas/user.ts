import { z } from "./zod";
import { iamPath, listQuery, policyArn, tags, userName, type Tag } from "@/lib/schemas/common";
import { strictObject } from "@/lib/schemas/strict";

export const createUserBody = strictObject({
  userName,
  path: iamPath,
  tags: tags.optional().default([]),
  permissionsBoundaryArn: policyArn.optional(),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = strictObject({ newUserName: userName.optional(), newPath: iamPath.unwrap().optional() }).refine(
  (b) => b.newUserName !== undefined || b.newPath !== undefined,
  "Give newUserName or newPath (or both) to change.",
);
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const USER_SORT_KEYS = ["name", "created", "path"] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];
export const listUsersQuery = listQuery(USER_SORT_KEYS);
export type ListUsersInput = z.infer<typeof listUsersQuery>;

/** `?force=true` on a delete removes everything the entity still holds first. */
export const deleteQuery = strictObject({
  force: z.enum(["true", "false"], "force must be true or false.").optional(),
}).transform((q) => ({ force: q.force === "true" }));

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
  permissionsBoundary: { arn: string; name: string } | null;
  passwordSetAt: string | null;
  passwordResetRequired: boolean;
  /** When the console password was last used to sign in (GetUser's PasswordLastUsed). */
  passwordLastUsedAt: string | null;
}
