/**
 * The quota an inline policy's editor holds its document to, by the kind of principal it is
 * embedded in (the table is lib/iam's, the one the server refuses oversized documents with).
 */
import { POLICY_SIZE_LIMITS } from "@/lib/iam/client";

const INLINE = {
  users: POLICY_SIZE_LIMITS.userInline,
  groups: POLICY_SIZE_LIMITS.groupInline,
  roles: POLICY_SIZE_LIMITS.roleInline,
} as const;

export function inlinePolicySizeLimit(principal: keyof typeof INLINE): number {
  return INLINE[principal];
}
