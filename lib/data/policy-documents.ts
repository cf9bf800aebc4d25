import "server-only";
import { IamError, limitExceeded } from "@/lib/errors";
import { POLICY_SIZE_LIMITS, policySizeWithoutWhitespace, validatePolicy, type PolicyKind } from "@/lib/iam";

/** IAM's size quotas for policy documents: one table, lib/iam's, which the editor's live finding reads too. */
export { POLICY_SIZE_LIMITS };

/**
 * Refuses a document AWS would refuse: MalformedPolicyDocument (400) carrying the issues the
 * validator found (at most 100, the rest counted in `moreIssues`), each with its path (and
 * range) in the text. The text itself is stored as written by the caller; nothing is
 * reformatted here. Callers check the size quota first (`assertWithinSize`), so the validator
 * only ever sees a document of a size AWS would read.
 */
export function assertValidPolicyDocument(text: string, kind: PolicyKind, field = "policyDocument"): void {
  const { errors, moreIssues } = validatePolicy(text, kind);
  if (errors.length === 0) return;
  const first = errors[0];
  const others = errors.length - 1 + (moreIssues ?? 0);
  const more = others > 0 ? ` (and ${others} more)` : "";
  const error = new IamError("MalformedPolicyDocument", `The policy document is not valid: ${first.message}${more}`, field, errors);
  if (moreIssues) error.moreIssues = moreIssues;
  throw error;
}

/** LimitExceeded with both figures when `size` (characters without white space) is over `limit`. */
export function assertWithinSize(size: number, limit: number, what: string, field = "policyDocument"): void {
  if (size <= limit) return;
  throw limitExceeded(
    `${what} is ${size} characters without white space; the limit is ${limit}.`,
    field,
  );
}

/**
 * The quota of one document, counted by a flat scan of the raw text before anything parses it:
 * a 5 MB document costs one pass over its characters, not a parse and a list of every error.
 */
export function assertDocumentWithinSize(text: string, limit: number, what: string, field = "policyDocument"): void {
  assertWithinSize(policySizeWithoutWhitespace(text), limit, what, field);
}

/** The 6,144-character quota of a managed policy version, then its grammar. */
export function assertValidManagedPolicyDocument(text: string, field = "policyDocument"): void {
  assertDocumentWithinSize(text, POLICY_SIZE_LIMITS.managedPolicy, "The managed policy", field);
  assertValidPolicyDocument(text, "identity", field);
}

/** The 2,048-character quota of a role trust policy, then its grammar. */
export function assertValidTrustPolicy(text: string, field = "trustPolicy"): void {
  assertDocumentWithinSize(text, POLICY_SIZE_LIMITS.trustPolicy, "The trust policy", field);
  assertValidPolicyDocument(text, "trust", field);
}
