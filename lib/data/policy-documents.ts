import "server-only";
import { IamError, limitExceeded } from "@/lib/errors";
import { policySizeWithoutWhitespace, validatePolicy, type PolicyKind } from "@/lib/iam/validate";

/**
 * IAM's size quotas for policy documents, counted without white space:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
export const POLICY_SIZE_LIMITS = {
  managedPolicy: 6_144,
  trustPolicy: 2_048,
  userInline: 2_048,
  groupInline: 5_120,
  roleInline: 10_240,
} as const;

/**
 * Refuses a document AWS would refuse: MalformedPolicyDocument (400) carrying every issue the
 * validator found, each with its path (and range) in the text. The text itself is stored as
 * written by the caller; nothing is reformatted here.
 */
export function assertValidPolicyDocument(text: string, kind: PolicyKind, field = "policyDocument"): void {
  const { errors } = validatePolicy(text, kind);
  if (errors.length === 0) return;
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  throw new IamError(
    "MalformedPolicyDocument",
    `The policy document is not valid: ${first.message}${more}`,
    field,
    errors,
  );
}

/** LimitExceeded with both figures when `size` (characters without white space) is over `limit`. */
export function assertWithinSize(size: number, limit: number, what: string, field = "policyDocument"): void {
  if (size <= limit) return;
  throw limitExceeded(
    `${what} is ${size} characters without white space; the limit is ${limit}.`,
    field,
  );
}

/** Validates a managed policy version's document and its 6,144-character quota. */
export function assertValidManagedPolicyDocument(text: string): void {
  assertValidPolicyDocument(text, "identity");
  assertWithinSize(policySizeWithoutWhitespace(text), POLICY_SIZE_LIMITS.managedPolicy, "The managed policy");
}

/** Validates a role trust policy and its 2,048-character quota. */
export function assertValidTrustPolicy(text: string, field = "trustPolicy"): void {
  assertValidPolicyDocument(text, "trust", field);
  assertWithinSize(policySizeWithoutWhitespace(text), POLICY_SIZE_LIMITS.trustPolicy, "The trust policy", field);
}
