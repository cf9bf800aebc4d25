import { z } from "./zod";
import { NAME_CHARS } from "@/lib/schemas/common";

// Instance profile rules from the IAM API Reference (CreateInstanceProfile): a name of 1–128
// characters of [\w+=,.@-], a path as every IAM path. An instance profile holds at most one role
// ("IAM and AWS STS quotas": InstanceSessionsPerInstanceProfile, 1).
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html

export const instanceProfileName = z
  .string({ error: "Instance profile name is required." })
  .min(1, "Instance profile name is required.")
  .max(128, "Instance profile name must be at most 128 characters.")
  .regex(NAME_CHARS, "Instance profile name may contain only letters, digits and + = , . @ _ - (no spaces).");

/** …/instance-profiles/{name}: checked as written in the URL, as every path name is (lib/schemas/params.ts). */
export const instanceProfilePathParams = z.strictObject({
  accountId: z.string().regex(/^\d{12}$/, "Account id must be exactly 12 digits."),
  name: instanceProfileName,
});

/** The instance-profile resource type: arn:aws:iam::ACCOUNT:instance-profile/PATH/NAME. */
export const instanceProfileArn = (accountId: string, path: string, name: string): string => `arn:aws:iam::${accountId}:instance-profile${path}${name}`;

/** The role an instance profile holds, as GetInstanceProfile lists it (the Role data type without tags). */
export interface InstanceProfileRole {
  roleName: string;
  roleId: string;
  path: string;
  arn: string;
  createdAt: string;
  description: string;
  maxSessionDuration: number;
  trustPolicy: string;
}

export interface InstanceProfile {
  instanceProfileName: string;
  instanceProfileId: string;
  path: string;
  arn: string;
  createdAt: string;
  /** At most one. */
  roles: InstanceProfileRole[];
}
