import { db } from "@/lib/db";

/** Helpers shared by the credentials and MFA tests of the AWS endpoint. */

/** What a call that must fail threw (a call that succeeds fails the test). */
export const failure = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error("The call succeeded; it should have failed.");
    },
    (err: unknown) => err as { name: string; message: string; $metadata: { httpStatusCode?: number } },
  );

/** The account's audit rows of an IAM action, oldest first. */
export const auditOf = (accountId: string, eventName: string) =>
  db().auditEvent.findMany({ where: { accountId, eventSource: "iam.amazonaws.com", eventName }, orderBy: { id: "asc" } });

/** AccessDenied's message for a user whose policies do not allow `action` on `resource`. */
export const denied = (account: string, caller: string, action: string, resource: string) =>
  `User: arn:aws:iam::${account}:user/${caller} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
