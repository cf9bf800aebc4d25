import "server-only";
import { accountRootArn } from "@/lib/arn";
import { onUser, op } from "@/lib/api/operations";
import type { Operation } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { accountOf } from "@/lib/aws/operation";
import { httpError } from "@/lib/errors";

/**
 * Whose credentials an operation is about when UserName is left out: "IAM determines the user name
 * implicitly based on the Amazon Web Services access key ID signing the request" — the calling
 * IAM user, or the root user for root credentials. A role session has no such user: AWS refuses
 * it with a ValidationError. `null` is the root user.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html
 */
export function subjectName(given: string | undefined, caller: Caller): string | null {
  if (given !== undefined) return given;
  const { identity } = caller;
  if (identity.role) throw httpError("ValidationError", "Must specify userName when calling with non-User credentials", undefined, "UserName");
  return identity.type === "IAMUser" ? identity.signedIn.userName : null;
}

/** The same where only an IAM user will do (login profiles): root credentials must name the user. */
export function subjectUserName(given: string | undefined, caller: Caller): string {
  const name = subjectName(given, caller);
  if (name === null) throw httpError("ValidationError", "Must specify userName when calling with root credentials", undefined, "UserName");
  return name;
}

/** `action` on the user (with its tags, as the console's routes check it), or on the account's root ARN for the root user. */
export async function onSubject(caller: Caller, name: string | null, action: string): Promise<Operation> {
  const account = accountOf(caller);
  return name === null ? op(account, action, accountRootArn(account)) : onUser({ accountId: account, userName: name }, action);
}
