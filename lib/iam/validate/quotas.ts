import type { PolicyKind } from "./types";

/**
 * IAM's size quotas for policy documents, in characters without white space: the one table the
 * server's refusals (lib/data) and the editor's live finding (lib/iam/lint) both read.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
export const POLICY_SIZE_LIMITS = {
  managedPolicy: 6_144,
  trustPolicy: 2_048,
  userInline: 2_048,
  groupInline: 5_120,
  roleInline: 10_240,
} as const;

/** Which quota a document is held to: a managed policy, a trust policy, an inline policy of… */
export type PolicyQuota = keyof typeof POLICY_SIZE_LIMITS;

/**
 * The quota of a document of this kind when the caller names none: a trust policy's, and for an
 * identity-based policy or a permissions boundary (a managed policy too) a managed policy's; an
 * inline policy's editor names its own. Other kinds (SCPs and RCPs count white space as well,
 * session policies are packed) have no quota here: undefined.
 */
export function defaultSizeLimit(kind: PolicyKind): number | undefined {
  if (kind === "trust") return POLICY_SIZE_LIMITS.trustPolicy;
  if (kind === "identity" || kind === "boundary") return POLICY_SIZE_LIMITS.managedPolicy;
  return undefined;
}
