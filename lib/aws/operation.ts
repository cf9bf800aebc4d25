import "server-only";
import type { z } from "zod";
import type { Operation } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import type { AwsService, XmlValue } from "@/lib/aws/xml";

/**
 * One AWS Query API operation served at /aws: its input as the Query protocol decodes it
 * (lib/aws/query.ts: PascalCase names, lists as arrays), the IAM operations the engine must
 * allow for the caller (the same `Operation`s the console's routes declare for the same call),
 * and what it does, through the same lib/data functions the console uses. The result is the
 * `<ActionResult>` element's content in AWS's shape (lib/aws/xml.ts), or null for none.
 */
export interface AwsOperation<I = unknown> {
  service: AwsService;
  /** The Action parameter: "CreateUser". */
  action: string;
  /** Parses the decoded parameters; a problem is a ValidationError naming the parameter. */
  input: z.ZodType<I>;
  /**
   * What the engine must allow, in the caller's account (IAM is never cross-account): `account`
   * is `caller.identity.accountId`. An empty list: authorized by the operation itself (STS).
   */
  authorize: (input: I, caller: Caller) => Operation | Operation[] | Promise<Operation | Operation[]>;
  run: (input: I, caller: Caller) => Promise<Record<string, XmlValue> | null>;
  /** CloudTrail's readOnly: reads are audited only when refused. Default false (a write). */
  readOnly?: boolean;
  /** The operation writes its own audit records (sts:AssumeRole, whose trail names the role). */
  auditsItself?: boolean;
}

/** Declares an operation with its input type inferred from its schema. */
export const awsOperation = <I>(operation: AwsOperation<I>): AwsOperation<I> => operation;

/** The account every IAM call is made to: the caller's own (a role session's is the role's). */
export const accountOf = (caller: Caller): string => caller.identity.accountId;

/** An operation of any input, as the registry lists them (each is typed by its own schema). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SomeAwsOperation = AwsOperation<any>;
