import "server-only";
import { z } from "@/lib/schemas/zod";
import { awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { assumeRole } from "@/lib/aws/sts/assume-role";
import { sessionTokenOperations } from "@/lib/aws/sts/session-token";

/**
 * STS's operations (STS API Reference). GetCallerIdentity needs no permission: "No permissions
 * are required to perform this operation", even when an explicit deny names it. With a role
 * session's credentials it answers the session: UserId ROLEID:SESSION, the assumed-role ARN and
 * the role's account.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
const getCallerIdentity = awsOperation({
  service: "sts",
  action: "GetCallerIdentity",
  readOnly: true,
  input: z.object({}),
  authorize: () => [],
  run: async (_input, caller) => ({ UserId: caller.identity.userId, Account: caller.identity.accountId, Arn: caller.identity.arn }),
});

export const stsOperations: SomeAwsOperation[] = [getCallerIdentity, assumeRole, ...sessionTokenOperations];
