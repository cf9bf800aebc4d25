import { z } from "./zod";
import { accountAlias, accountId } from "@/lib/schemas/common";
import { strictObject } from "@/lib/schemas/strict";

const displayName = z
  .string({ error: "Display name is required." })
  .trim()
  .min(1, "Display name is required.")
  .max(50, "Display name must be at most 50 characters.");

const rootEmail = z
  .string({ error: "Root email is required." })
  .trim()
  .max(254, "Root email must be at most 254 characters.")
  .pipe(z.email("Root email must be a valid email address, like admin@example.com."));

export const createAccountBody = strictObject({
  accountId: accountId.optional(),
  alias: accountAlias,
  displayName,
  rootEmail,
});
export type CreateAccountInput = z.infer<typeof createAccountBody>;

export const updateAccountBody = strictObject({
  alias: accountAlias.optional(),
  displayName: displayName.optional(),
  rootEmail: rootEmail.optional(),
}).refine(
  (b) => b.alias !== undefined || b.displayName !== undefined || b.rootEmail !== undefined,
  "Give at least one of alias, displayName or rootEmail to change.",
);
export type UpdateAccountInput = z.infer<typeof updateAccountBody>;

export const listChangesQuery = z.object({
  targetArn: z.string().trim().max(2048).optional(),
  page: z.coerce.number().int().min(1).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(100).optional().default(25),
});
export type ListChangesInput = z.infer<typeof listChangesQuery>;

export interface Account {
  accountId: string;
  alias: string;
  displayName: string;
  rootEmail: string;
  createdAt: string;
  /** AWS Organizations: the management account that created this one; null for a management or standalone account. */
  managementAccountId: string | null;
  counts: { users: number; groups: number; roles: number; policies: number };
}

/**
 * GET /api/v1/accounts: a management (or standalone) account's principal allowed
 * organizations:ListAccounts sees the organization (its account and every member); anyone else
 * sees only the account they act in.
 */
export interface AccountList {
  items: Account[];
  scope: "organization" | "own-account";
}

export interface ChangeEvent {
  id: string;
  at: string;
  accountId: string | null;
  action: string;
  targetArn: string;
  summary: string;
  /** Who made the change (null for the seed and operator commands): the acting principal's ARN, and how it called. */
  actor: { arn: string; accessKeyId: string | null; sourceIp: string | null; userAgent: string | null; mfa: boolean } | null;
}
