import { z } from "zod";
import { iamPath, listQuery, policyArn, tags, userName, type Tag } from "@/lib/schemas/common";

export const createUserBody = z.object({
  userName,
  path: iamPath,
  tags: tags.optional().default([]),
  permissionsBoundaryArn: policyArn.optional(),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({ newUserName: userName.optional(), newPath: iamPath.unwrap().optional() })
  .refine(
    (b) => b.newUserName !== undefined || b.newPath !== undefined,
    "Give newUserName or newPath (or both) to change.",
  );
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const USER_SORT_KEYS = ["name", "created", "path"] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];
export const listUsersQuery = listQuery(USER_SORT_KEYS);
export type ListUsersInput = z.infer<typeof listUsersQuery>;

/** `?force=true` on a delete removes everything the entity still holds first. */
export const deleteQuery = z
  .object({ force: z.enum(["true", "false"], "force must be true or false.").optional() })
  .transform((q) => ({ force: q.force === "true" }));

export const tagUserBody = z.object({
  tags: tags.refine((list) => list.length > 0, "Give at least one tag."),
});

/** UntagUser: `?keys=a,b` (keys are matched case-insensitively). */
export const untagUserQuery = z.object({
  keys: z
    .string({ error: "keys is required: a comma-separated list of tag keys." })
    .transform((s) => s.split(",").map((k) => k.trim()).filter((k) => k.length > 0))
    .refine((keys) => keys.length > 0, "keys must name at least one tag key.")
    .refine((keys) => keys.length <= 50, "At most 50 tag keys can be removed at once."),
});

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
}
