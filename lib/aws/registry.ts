import "server-only";
import type { AwsOperation, SomeAwsOperation } from "@/lib/aws/operation";
import type { AwsService } from "@/lib/aws/xml";
import { userOperations } from "@/lib/aws/iam/users";
import { groupOperations } from "@/lib/aws/iam/groups";
import { roleOperations } from "@/lib/aws/iam/roles";
import { instanceProfileOperations } from "@/lib/aws/iam/instance-profiles";
import { policyOperations } from "@/lib/aws/iam/policies";
import { attachmentOperations } from "@/lib/aws/iam/attachments";
import { inlinePolicyOperations } from "@/lib/aws/iam/inline-policies";
import { credentialOperations } from "@/lib/aws/iam/credentials";
import { mfaOperations } from "@/lib/aws/iam/mfa";
import { accountOperations } from "@/lib/aws/iam/account";
import { simulatorOperations } from "@/lib/aws/iam/simulator";
import { stsOperations } from "@/lib/aws/sts/operations";

/** Every operation the endpoint serves, by service and Action (the README lists them). */
const ALL: readonly SomeAwsOperation[] = [
  ...userOperations,
  ...groupOperations,
  ...roleOperations,
  ...instanceProfileOperations,
  ...policyOperations,
  ...attachmentOperations,
  ...inlinePolicyOperations,
  ...credentialOperations,
  ...mfaOperations,
  ...accountOperations,
  ...simulatorOperations,
  ...stsOperations,
];

const BY_NAME = new Map<string, AwsOperation<unknown>>();
for (const operation of ALL) {
  const key = `${operation.service}:${operation.action}`;
  if (BY_NAME.has(key)) throw new Error(`Two implementations of ${key}`);
  BY_NAME.set(key, operation);
}

export const findOperation = (service: AwsService, action: string): AwsOperation<unknown> | undefined => BY_NAME.get(`${service}:${action}`);

/** The implemented actions of a service, sorted (for the README test and InvalidAction's hint). */
export const implementedActions = (service: AwsService): string[] =>
  [...BY_NAME.values()].filter((operation) => operation.service === service).map((operation) => operation.action).sort();
