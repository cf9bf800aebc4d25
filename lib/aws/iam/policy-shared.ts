import "server-only";
import { z } from "@/lib/schemas/zod";
import { policyArn } from "@/lib/schemas/common";
import { parseIamArn } from "@/lib/arn";
import { op } from "@/lib/api/operations";
import type { Operation } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { assertCustomerManaged } from "@/lib/data/lookup";
import { findPolicyByArnOrThrow, policyTagsByArn } from "@/lib/data/policy-by-arn";
import { accountOf } from "@/lib/aws/operation";
import { tagsOut, when } from "@/lib/aws/shapes";
import type { ContextValue } from "@/lib/iam";
import type { Policy } from "@/lib/schemas/policy";

/**
 * What IAM's managed policy operations share: the PolicyArn parameter, the authorization on the
 * policy's ARN (as the console's routes authorize on the policy in their path:
 * lib/api/policy-operations.ts), the Policy data type, and the refusal of writes to AWS managed
 * policies (the data layer's own, lookup.ts: assertCustomerManaged).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Policy.html
 */

/** PolicyArn: a customer managed policy's ARN (arn:aws:iam::ACCOUNT:policy/…) or an AWS managed one's. */
export const policyArnOnly = z.object({ PolicyArn: policyArn });

/**
 * `action` on the policy the ARN names, with its aws:ResourceTag/… keys. The account the request
 * is made to is the ARN's (the caller's own for AWS managed policies, as the console names them):
 * IAM's API never reaches across accounts, so the engine refuses another account's policy
 * ("because no resource-based policy allows"), and nothing of that account is read.
 */
export async function onPolicyArn(caller: Caller, arn: string, action: string, context: Record<string, ContextValue> = {}): Promise<Operation> {
  const own = accountOf(caller);
  const owner = parseIamArn(arn)?.accountId;
  const account = owner && owner !== "aws" ? owner : own;
  if (account !== own) return op(account, action, arn, context);
  const resourceContext: Record<string, ContextValue> = {};
  for (const tag of await policyTagsByArn(own, arn)) resourceContext[`aws:ResourceTag/${tag.key}`] = tag.value;
  return op(account, action, arn, { ...resourceContext, ...context });
}

/**
 * The name by which the console's write functions find the caller's customer managed policy the
 * ARN names. An AWS managed policy is refused first with the data layer's own refusal: by name
 * the data layer prefers the account's customer policy, which may share an AWS managed name.
 */
export async function customerPolicyName(caller: Caller, arn: string): Promise<string> {
  const policy = await findPolicyByArnOrThrow(accountOf(caller), arn);
  assertCustomerManaged(policy, "PolicyArn");
  return policy.name;
}

/** The Policy data type as GetPolicy and CreatePolicy answer it (ListPolicies leaves out Description and Tags). */
export const policyOut = (policy: Policy, boundaryUsageCount: number) => ({
  PolicyName: policy.policyName,
  PolicyId: policy.policyId,
  Arn: policy.arn,
  Path: policy.path,
  DefaultVersionId: policy.defaultVersionId,
  AttachmentCount: policy.attachmentCount,
  PermissionsBoundaryUsageCount: boundaryUsageCount,
  // The console keeps no deprecated AWS managed policies: every policy it holds can be attached.
  IsAttachable: true,
  Description: policy.description === "" ? undefined : policy.description,
  CreateDate: when(policy.createdAt),
  UpdateDate: when(policy.updatedAt),
  Tags: policy.tags.length > 0 ? tagsOut(policy.tags) : undefined,
});
