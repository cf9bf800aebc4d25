import { z } from "./zod";
import { pageQuery } from "@/lib/schemas/common";

// The catalog browser's API (GET /api/v1/catalog/…): the compiled action catalog, not the database.

/** ?search= over services (prefix or name). */
export const catalogServicesQuery = z.object({
  search: z.string().trim().max(128).optional().default(""),
});

/** ?search=GetObject | s3:Get | s3:Get*Acl, paged. */
export const catalogActionsQuery = z.object({
  search: z.string().trim().min(1, "Type part of an action name, for example GetObject or s3:Get.").max(128),
  page: z.coerce.number().int().min(1).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(100).optional().default(25),
});

/**
 * ?effect=all|Allow|Deny&search=&page=&pageSize= for the policies that allow or deny an action:
 * `search` matches the policy name, case-insensitively, anywhere in it.
 */
export const actionPoliciesQuery = pageQuery.extend({
  effect: z.enum(["all", "Allow", "Deny"], "effect must be all, Allow or Deny.").optional().default("all"),
  search: z.string().trim().max(128).optional().default(""),
});

export type ActionPoliciesQuery = z.output<typeof actionPoliciesQuery>;

/**
 * A path segment decoded whether or not the router already did (catalog names never hold "%");
 * malformed escapes are left as they are, for the pattern to refuse.
 */
function decodeSegment(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A service prefix as the catalog spells them (lower-case letters, digits, hyphens). */
export const servicePrefix = z.preprocess(decodeSegment, z.string().trim().regex(/^[A-Za-z0-9-]{1,64}$/, "A service prefix is letters, digits and hyphens, for example s3."));

/** One action, written service:ActionName. */
export const qualifiedAction = z.preprocess(
  decodeSegment,
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,64}:[A-Za-z0-9]{1,128}$/, "Choose one action, written service:ActionName (for example s3:GetObject)."),
);
