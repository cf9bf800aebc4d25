import "server-only";
import type { Operation } from "@/lib/auth/authorize";
import { op, policyTarget } from "@/lib/api/operations";

/**
 * An IAM action on the managed policy named in the path (the account's customer managed policy,
 * else the AWS managed one of that name, as the data layer finds it), with the policy's
 * aws:ResourceTag/… keys: every policy action of the Service Authorization Reference names the
 * `policy` resource type.
 */
export async function onPolicy(params: { accountId: string; policyName: string }, action: string): Promise<Operation> {
  const target = await policyTarget(params.accountId, params.policyName);
  return op(params.accountId, action, target.arn, target.resourceContext);
}
