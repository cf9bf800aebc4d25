import { z } from "@/lib/schemas/zod";
import { tagKey } from "@/lib/schemas/common";
import { parseIamArn } from "@/lib/arn";
import { awsInteger, awsList, awsTags } from "@/lib/aws/inputs";

/**
 * The STS API Reference's parameter constraints (AssumeRole, GetSessionToken, GetAccessKeyInfo),
 * checked before anything is read: a problem is a ValidationError naming the parameter.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */

/** [\w+=,.@-]*, 2–64 characters: RoleSessionName and SourceIdentity. */
const sessionText = (name: string) =>
  z
    .string()
    .min(2, `${name} must be at least 2 characters.`)
    .max(64, `${name} must be at most 64 characters.`)
    .regex(/^[\w+=,.@-]+$/, `${name} may contain only letters, digits and _ + = , . @ -.`);

export const roleSessionName = sessionText("RoleSessionName");

/** A role's ARN: arn:aws:iam::ACCOUNT:role/PATH/NAME. */
export const roleArnInput = z
  .string()
  .min(20, "RoleArn must be at least 20 characters.")
  .max(2048, "RoleArn must be at most 2048 characters.")
  .refine((arn) => {
    const parsed = parseIamArn(arn);
    return parsed !== null && parsed.partition === "aws" && parsed.kind === "role" && parsed.accountId !== "aws";
  }, "RoleArn must be a role's ARN, such as arn:aws:iam::123456789012:role/RoleName.");

/** SerialNumber: the MFA device's ARN (a hardware device's serial is accepted in form, and matches none here). */
export const serialNumber = z
  .string()
  .min(9, "SerialNumber must be at least 9 characters.")
  .max(256, "SerialNumber must be at most 256 characters.")
  .regex(/^[\w+=/:,.@-]+$/, "SerialNumber may contain only letters, digits and _ + = / : , . @ -.");

/** TokenCode: the six digits the device shows. */
export const tokenCode = z.string().regex(/^\d{6}$/, "TokenCode must be the six digits the MFA device shows.");

export const assumeRoleInput = z.object({
  RoleArn: roleArnInput,
  RoleSessionName: roleSessionName,
  PolicyArns: awsList(
    z
      .array(z.object({ arn: z.string("Each PolicyArns member needs an arn.").min(20, "A policy ARN must be at least 20 characters.").max(2048, "A policy ARN must be at most 2048 characters.") }))
      .max(10, "PolicyArns may name at most 10 managed policies."),
  ).optional(),
  // "The plaintext that you use for both inline and managed session policies can't exceed 2,048 characters."
  Policy: z.string().min(1, "Policy must not be empty.").max(2048, "Policy must be at most 2048 characters.").optional(),
  DurationSeconds: awsInteger(900, 43200).optional(),
  Tags: awsList(awsTags).optional(),
  TransitiveTagKeys: awsList(z.array(tagKey).max(50, "TransitiveTagKeys may list at most 50 keys.")).optional(),
  ExternalId: z
    .string()
    .min(2, "ExternalId must be at least 2 characters.")
    .max(1224, "ExternalId must be at most 1224 characters.")
    .regex(/^[\w+=,.@:/-]+$/, "ExternalId may contain only letters, digits and _ + = , . @ : / -.")
    .optional(),
  SerialNumber: serialNumber.optional(),
  TokenCode: tokenCode.optional(),
  SourceIdentity: sessionText("SourceIdentity").optional(),
});
export type AssumeRoleInput = z.infer<typeof assumeRoleInput>;

export const getSessionTokenInput = z.object({
  DurationSeconds: awsInteger(900, 129600).optional(),
  SerialNumber: serialNumber.optional(),
  TokenCode: tokenCode.optional(),
});

export const getAccessKeyInfoInput = z.object({
  AccessKeyId: z
    .string("AccessKeyId is required.")
    .min(16, "AccessKeyId must be at least 16 characters.")
    .max(128, "AccessKeyId must be at most 128 characters.")
    .regex(/^\w+$/, "AccessKeyId may contain only letters, digits and _."),
});
