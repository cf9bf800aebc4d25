import { z } from "./zod";
import { pageQuery, type Page } from "@/lib/schemas/common";

// The audit trail of an account (GET /api/v1/accounts/{id}/audit and …/audit/export): every write
// attempt, every refused read, every sign-in, sign-out and switch role, filtered as CloudTrail's
// LookupEvents filters (a principal, an event name, a time range) and by outcome.

const when = (field: string) =>
  z
    .string()
    .trim()
    .refine((text) => !Number.isNaN(Date.parse(text)), `${field} must be a date and time, e.g. 2026-12-03T09:00:00Z.`)
    .transform((text) => new Date(text))
    .optional();

export const AUDIT_OUTCOMES = ["all", "allowed", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const auditFilters = z
  .object({
    /** The acting principal's ARN, or a role's ARN for every session of that role. */
    principal: z
      .string()
      .trim()
      .max(2048, "principal must be at most 2048 characters.")
      .refine((text) => text === "" || text.startsWith("arn:"), "principal is an ARN (arn:aws:iam::…:user/alice, a role's ARN, arn:aws:sts::…:assumed-role/…).")
      .optional()
      .transform((text) => text || undefined),
    /** allowed: the request went through; denied: it was refused (AccessDenied, a failed sign-in) or failed. */
    outcome: z.enum(AUDIT_OUTCOMES, { error: "outcome must be all, allowed or denied." }).optional().default("all"),
    eventName: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{0,128}$/, "eventName is an API action's name, e.g. CreateUser or ConsoleLogin.")
      .optional()
      .transform((text) => text || undefined),
    from: when("from"),
    to: when("to"),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from.getTime() <= filters.to.getTime(), { message: "from must not be after to.", path: ["from"] });

export type AuditFilters = z.output<typeof auditFilters>;

export const listAuditQuery = z.intersection(auditFilters, pageQuery);
export type ListAuditQuery = z.output<typeof listAuditQuery>;

/** One event of the trail as the console shows it. */
export interface AuditEventView {
  eventId: string;
  at: string;
  accountId: string | null;
  eventSource: string;
  eventName: string;
  eventType: string;
  readOnly: boolean;
  outcome: "allowed" | "denied";
  principal: {
    type: string | null;
    arn: string | null;
    accountId: string | null;
    /** The signed-in user (for a role session: who switched), or the name a failed sign-in tried. */
    userName: string | null;
    /** For an assumed-role session: the role. */
    roleArn: string | null;
  };
  accessKeyId: string | null;
  sourceIp: string;
  userAgent: string;
  mfa: boolean;
  resourceArn: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface AuditPage extends Page<AuditEventView> {
  /** The principals in this account's trail (for the filter), most recent first, at most 100. */
  principals: string[];
}
