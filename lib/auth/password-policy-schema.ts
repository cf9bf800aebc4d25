import { z } from "@/lib/schemas/zod";
import type { PasswordPolicy } from "./password-policy";

/**
 * UpdateAccountPasswordPolicy's input, with AWS's bounds and defaults (IAM API reference,
 * UpdateAccountPasswordPolicy): unknown settings are refused, and each error names its field.
 */
export const passwordPolicySchema = z
  .object({
    MinimumPasswordLength: z.number().int().min(6).max(128).default(6),
    RequireSymbols: z.boolean().default(false),
    RequireNumbers: z.boolean().default(false),
    RequireUppercaseCharacters: z.boolean().default(false),
    RequireLowercaseCharacters: z.boolean().default(false),
    AllowUsersToChangePassword: z.boolean().default(false),
    MaxPasswordAge: z.number().int().min(1).max(1095).optional(),
    PasswordReusePrevention: z.number().int().min(1).max(24).optional(),
    HardExpiry: z.boolean().default(false),
  })
  .strict() satisfies z.ZodType<PasswordPolicy, unknown>;
