/** Helpers shared by the credentials and MFA tests of the AWS endpoint. */

/** A failed call's error, and the account's audit rows of an action (tests/support/aws.ts). */
export { auditOf, failure } from "@/tests/support/aws";

/** AccessDenied's message for a user whose policies do not allow `action` on `resource`. */
export const denied = (account: string, caller: string, action: string, resource: string) =>
  `User: arn:aws:iam::${account}:user/${caller} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
