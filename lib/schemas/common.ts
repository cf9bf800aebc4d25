import { z } from "./zod";
import { strictObject } from "@/lib/schemas/strict";

// Name, path and tag rules from the IAM API reference (CreateUser, CreateGroup, CreateRole,
// CreatePolicy, TagUser) and "IAM and AWS STS quotas" in the IAM User Guide.

export const NAME_CHARS = /^[\w+=,.@-]+$/;

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

/** "IAM and AWS STS quotas": at most 50 tags per IAM resource. */
export const MAX_TAGS = 50;

/** A tag key as TagUser, TagRole, TagPolicy and their Untag operations all take it (TagKeys: 1–128 characters). */
export const tagKey = z
  .string()
  .min(1, "Tag key is required.")
  .max(128, "Tag key must be at most 128 characters.")
  .regex(TAG_CHARS, "Tag key may contain only letters, digits, spaces and _ . : / = + - @.");

export const tag = strictObject({
  key: tagKey.refine((k) => !k.toLowerCase().startsWith("aws:"), 'Tag keys starting with "aws:" are reserved for AWS.'),
  value: z
    .string()
    .max(256, "Tag value must be at most 256 characters.")
    .regex(TAG_CHARS, "Tag value may contain only letters, digits, spaces and _ . : / = + - @."),
});

export const tags = z
  .array(tag)
  .max(MAX_TAGS, `An entity can have at most ${MAX_TAGS} tags.`)
  .refine(
    (list) => new Set(list.map((t) => t.key.toLowerCase())).size === list.length,
    "Tag keys must be unique (case-insensitively).",
  );

export type Tag = z.infer<typeof tag>;

/** TagUser, TagRole and TagPolicy: a request that adds nothing is refused, as AWS refuses an empty Tags list. */
export const tagsToAdd = tags.refine((list) => list.length > 0, "Give at least one tag.");

/** TagUser, TagRole and TagPolicy: `{ tags }`, 1–50 tags. */
export const tagResourceBody = strictObject({ tags: tagsToAdd });

/** UntagUser, UntagRole and UntagPolicy: `?keys=a,b`, at most 50 keys, each following the tag key rules. */
export const untagResourceQuery = strictObject({
  keys: z
    .string({ error: "keys is required: a comma-separated list of tag keys." })
    .transform((s) => s.split(",").map((k) => k.trim()).filter((k) => k.length > 0))
    .pipe(z.array(tagKey).min(1, "keys must name at least one tag key.").max(MAX_TAGS, `At most ${MAX_TAGS} tag keys can be removed at once.`)),
});

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

/** Most items one page holds; a larger pageSize is a ValidationError, so no answer grows unbounded. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** `?page=&pageSize=` of every list that can grow: page ≥ 1, pageSize 1–100 (25 by default). */
export const pageQuery = z.object({
  page: z.coerce.number().int("page must be a whole number.").min(1, "page must be 1 or more.").optional().default(1),
  pageSize: z.coerce
    .number()
    .int("pageSize must be a whole number.")
    .min(1, `pageSize must be between 1 and ${MAX_PAGE_SIZE}.`)
    .max(MAX_PAGE_SIZE, `pageSize must be between 1 and ${MAX_PAGE_SIZE}.`)
    .optional()
    .default(DEFAULT_PAGE_SIZE),
});

export type PageQuery = z.output<typeof pageQuery>;

/** Paging and search of every list, as held in the URL. */
export const listQuery = <S extends readonly [string, ...string[]]>(sortKeys: S) =>
  z.object({
    search: z.string().trim().max(128).optional().default(""),
    sort: z.enum(sortKeys).optional().default(sortKeys[0] as S[number]),
    order: z.enum(SORT_ORDERS).optional().default("asc"),
    ...pageQuery.shape,
  });

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of a list already in its stable order; a page past the end is empty, `total` stays whole. */
export function pageOf<T>(sorted: readonly T[], { page, pageSize }: PageQuery): Page<T> {
  const start = (page - 1) * pageSize;
  return { items: sorted.slice(start, start + pageSize), total: sorted.length, page, pageSize };
}
