import { z } from "zod";

// Name, path and tag rules from the IAM API reference (CreateUser, CreateGroup, CreateRole,
// CreatePolicy, TagUser) and "IAM and AWS STS quotas" in the IAM User Guide.

const NAME_CHARS = /^[\w+=,.@-]+$/;

const iamName = (entity: string, max: number) =>
  z
    .string({ error: `${entity} name is required.` })
    .trim()
    .min(1, `${entity} name is required.`)
    .max(max, `${entity} name must be at most ${max} characters.`)
    .regex(
      NAME_CHARS,
      `${entity} name may contain only letters, digits and + = , . @ _ - (no spaces).`,
    );

export const userName = iamName("User", 64);
export const groupName = iamName("Group", 128);
export const roleName = iamName("Role", 64);
export const policyName = iamName("Policy", 128);
export const inlinePolicyName = iamName("Policy", 128);

/** "/" or "/division/team/": starts and ends with a slash, printable ASCII, ≤ 512 characters. */
export const iamPath = z
  .string()
  .max(512, "Path must be at most 512 characters.")
  .regex(
    /^\/$|^\/[\u0021-\u007E]+\/$/,
    'Path must be "/" or start and end with "/" (for example /engineering/), with no spaces.',
  )
  .default("/");

export const accountId = z
  .string()
  .regex(/^\d{12}$/, "Account id must be exactly 12 digits.");

/** Account alias rules: 3–63 lower-case letters, digits and single hyphens, not at the ends. */
export const accountAlias = z
  .string()
  .trim()
  .min(3, "Account alias must be at least 3 characters.")
  .max(63, "Account alias must be at most 63 characters.")
  .regex(
    /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/,
    "Account alias may contain only lower-case letters, digits and single hyphens, and must start and end with a letter or digit.",
  )
  .refine((alias) => !/^\d{12}$/.test(alias), "Account alias cannot be a 12-digit number.");

const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export const tag = z.object({
  key: z
    .string()
    .min(1, "Tag key is required.")
    .max(128, "Tag key must be at most 128 characters.")
    .regex(TAG_CHARS, "Tag key may contain only letters, digits, spaces and _ . : / = + - @.")
    .refine((k) => !k.toLowerCase().startsWith("aws:"), 'Tag keys starting with "aws:" are reserved for AWS.'),
  value: z
    .string()
    .max(256, "Tag value must be at most 256 characters.")
    .regex(TAG_CHARS, "Tag value may contain only letters, digits, spaces and _ . : / = + - @."),
});

export const tags = z
  .array(tag)
  .max(50, "An entity can have at most 50 tags.")
  .refine(
    (list) => new Set(list.map((t) => t.key.toLowerCase())).size === list.length,
    "Tag keys must be unique (case-insensitively).",
  );

export type Tag = z.infer<typeof tag>;

/** A managed policy ARN: customer (arn:aws:iam::ACCOUNT:policy/…) or AWS managed (arn:aws:iam::aws:policy/…). */
export const policyArn = z
  .string()
  .regex(
    /^arn:aws:iam::(\d{12}|aws):policy\/([\u0021-\u007E]*\/)?[\w+=,.@-]{1,128}$/,
    "Policy ARN must look like arn:aws:iam::123456789012:policy/Name or arn:aws:iam::aws:policy/Name.",
  );

/** Policy documents travel as the text the administrator wrote. */
export const policyDocumentText = z
  .string({ error: "Policy document is required." })
  .min(1, "Policy document is required.");

export const SORT_ORDERS = ["asc", "desc"] as const;

/** Paging and search of every list, as held in the URL. */
export const listQuery = <S extends readonly [string, ...string[]]>(sortKeys: S) =>
  z.object({
    search: z.string().trim().max(128).optional().default(""),
    sort: z.enum(sortKeys).optional().default(sortKeys[0] as S[number]),
    order: z.enum(SORT_ORDERS).optional().default("asc"),
    page: z.coerce.number().int().min(1).optional().default(1),
    pageSize: z.coerce.number().int().min(1).max(100).optional().default(25),
  });

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
