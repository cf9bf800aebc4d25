import "server-only";
import { policySizeWithoutWhitespace } from "@/lib/iam";
import { assertDocumentWithinSize, assertValidPolicyDocument, assertWithinSize, POLICY_SIZE_LIMITS } from "@/lib/data/policy-documents";
import {
  findPolicyHolderOrThrow,
  inlinePolicies,
  policyActionName,
  upsertInlinePolicy,
  type PolicyHolderKind,
} from "@/lib/data/policy-holders";
import { toInlinePolicy } from "@/lib/data/policy-shape";
import { write } from "@/lib/data/write";
import type { InlinePolicy } from "@/lib/schemas/policy";

// The quota is on the sum of an entity's inline documents, not on each one:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
const AGGREGATE_LIMIT: Record<PolicyHolderKind, number> = {
  user: POLICY_SIZE_LIMITS.userInline,
  group: POLICY_SIZE_LIMITS.groupInline,
  role: POLICY_SIZE_LIMITS.roleInline,
};

/** PutUserPolicy / PutGroupPolicy / PutRolePolicy: creates or replaces the inline policy. */
export async function putInlinePolicy(
  kind: PolicyHolderKind,
  accountId: string,
  holderName: string,
  policyName: string,
  policyDocument: string,
): Promise<InlinePolicy> {
  // One document cannot be larger than the sum it belongs to: counted on the raw text before
  // the validator runs, so an oversized document costs one scan.
  assertDocumentWithinSize(policyDocument, AGGREGATE_LIMIT[kind], `The inline policy for ${kind} ${holderName}`);
  assertValidPolicyDocument(policyDocument, "identity");
  return write(async (tx, log) => {
    const holder = await findPolicyHolderOrThrow(tx, kind, accountId, holderName);
    const existing = await inlinePolicies(tx, holder);
    const nameLower = policyName.toLowerCase();
    // The same document again changes nothing: no write and no event.
    const same = existing.find((p) => p.nameLower === nameLower && p.document === policyDocument);
    if (same) return toInlinePolicy(same);
    const others = existing.filter((p) => p.nameLower !== nameLower);
    const total = others.reduce((sum, p) => sum + policySizeWithoutWhitespace(p.document), policySizeWithoutWhitespace(policyDocument));
    assertWithinSize(total, AGGREGATE_LIMIT[kind], `Together, the inline policies of ${kind} ${holder.name}`);
    const row = await upsertInlinePolicy(tx, holder, policyName, policyDocument);
    log({
      accountId,
      action: policyActionName("Put", kind),
      targetArn: holder.arn,
      summary: `Put inline policy ${row.name} on ${kind} ${holder.name}.`,
    });
    return toInlinePolicy(row);
  });
}
