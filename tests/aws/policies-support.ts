import { expect } from "vitest";
import type { IAMClient } from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials } from "@/tests/support/aws";
import { importTestManagedPolicies } from "@/tests/support/policies";

/** Helpers of the managed policy tests through the AWS endpoint (tests/aws/policies*.test.ts). */

export { allow, awsPolicyArn, policyOfSize } from "@/tests/support/policies";

/** A fresh account (with the stand-in AWS managed policies) and its root's IAM client. */
export async function rootOfFreshAccount(): Promise<{ account: string; iam: IAMClient }> {
  const account = await freshAccount();
  await importTestManagedPolicies();
  return { account, iam: iamClient(await rootCredentials(account)) };
}

export interface AwsFailure {
  /** AWS's error code (the SDK's `Code`: "NoSuchEntity", where its class is NoSuchEntityException). */
  code: string;
  message: string;
  status: number | undefined;
}

/** The SDK's error for a call that must fail (the test fails if it succeeds). */
export async function failure(call: Promise<unknown>): Promise<AwsFailure> {
  const outcome = await call.then(
    () => null,
    (err: unknown) => err as { Code?: string; name: string; message: string; $metadata?: { httpStatusCode?: number } },
  );
  expect(outcome, "the call was expected to fail").not.toBeNull();
  return { code: outcome?.Code ?? outcome?.name ?? "", message: outcome?.message ?? "", status: outcome?.$metadata?.httpStatusCode };
}

/** The account's change log entries of one action, oldest first. */
export async function changes(accountId: string, action: string) {
  return db().changeEvent.findMany({ where: { accountId, action }, orderBy: { id: "asc" }, select: { action: true, targetArn: true, summary: true, actorArn: true } });
}

/** The audit trail's IAM events of one name in the account, oldest first. */
export async function audited(accountId: string, eventName: string) {
  return db().auditEvent.findMany({
    where: { accountId, eventName, eventSource: "iam.amazonaws.com" },
    orderBy: { id: "asc" },
    select: { eventName: true, principalArn: true, resourceArn: true, errorCode: true, readOnly: true, requestParameters: true },
  });
}
