// Trust policy templates for the create-role presets. A role's trust policy names who may call
// sts:AssumeRole. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html

import { accountRootArn } from "@/lib/arn";

export type TrustPreset = "account" | "service" | "custom";

const document = (principal: Record<string, string>) =>
  JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }],
    },
    null,
    2,
  );

/** Trusts the root of `accountId`: any principal of that account its own policies allow. */
export const accountTrust = (accountId: string) => document({ AWS: accountRootArn(accountId) });

/** Trusts an AWS service, e.g. ec2.amazonaws.com for instance profiles. */
export const serviceTrust = (service: string) => document({ Service: service });

/** 1 to 12 hours, as the console offers (MaxSessionDuration 3,600–43,200 seconds). */
export const SESSION_HOURS = Array.from({ length: 12 }, (_, i) => i + 1);
