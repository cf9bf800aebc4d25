import { z } from "./zod";
import { accountId } from "@/lib/schemas/common";
import { strictObject } from "@/lib/schemas/strict";

// POST /api/v1/session/check: "may I?" for the console's write buttons. Each check is one IAM
// request (as the API's door would name it) that the engine decides for the caller; the answer
// says, per check, whether it is allowed and, when not, AWS's AccessDenied message.

/** At most this many checks per request: a page's buttons fit; the hook sends more in batches. */
export const MAX_SESSION_CHECKS = 50;
const MAX_CONTEXT_KEYS = 50;

const contextValue = z.union([z.string().max(2048), z.array(z.string().max(2048)).max(50)]);

export const sessionCheck = strictObject({
  account: accountId,
  action: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/, "An action is written service:ActionName, for example iam:CreateUser (no wildcards)."),
  resource: z
    .string()
    .trim()
    .min(1)
    .max(2048)
    .refine((value) => value === "*" || value.startsWith("arn:"), "A resource is an ARN (arn:…) or *."),
  context: z
    // Counted before any key is parsed, so a body of 100,000 keys is one refusal, not 100,000.
    .custom<object>((value) => typeof value !== "object" || value === null || Object.keys(value).length <= MAX_CONTEXT_KEYS, `At most ${MAX_CONTEXT_KEYS} context keys per check.`)
    .pipe(z.record(z.string().trim().min(1).max(256), contextValue))
    .optional(),
});

export const sessionCheckBody = strictObject({
  checks: z.array(sessionCheck).min(1, "Send at least one check.").max(MAX_SESSION_CHECKS, `At most ${MAX_SESSION_CHECKS} checks at once.`),
});

export type SessionCheck = z.infer<typeof sessionCheck>;
export type SessionCheckInput = z.infer<typeof sessionCheckBody>;

/** One answer per check, in order: `message` is AWS's AccessDenied message, null when allowed. */
export interface SessionCheckResult {
  allowed: boolean;
  message: string | null;
}
