/**
 * Builders shared by the engine's tests: a request in FORMAT.md's shape with defaults, and
 * statement shorthands. Not imported by the engine itself.
 */
import { simulate } from "./simulate";
import type { ContextValue, EvaluationResult } from "./types";

export const ACCOUNT = "111122223333";
export const OTHER_ACCOUNT = "444455556666";
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/Deploy`;
export const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci`;
export const ROOT = `arn:aws:iam::${ACCOUNT}:root`;

export type Statement = Record<string, unknown>;

export function policy(...statements: Statement[]): Record<string, unknown> {
  return { Version: "2012-10-17", Statement: statements };
}

export function allow(action: string | string[], resource: string | string[] = "*", extra: Statement = {}): Statement {
  return { Effect: "Allow", Action: action, Resource: resource, ...extra };
}

export function deny(action: string | string[], resource: string | string[] = "*", extra: Statement = {}): Statement {
  return { Effect: "Deny", Action: action, Resource: resource, ...extra };
}

/** A bucket policy for s3:GetObject on `bucket`, naming `principal`. */
export function bucketPolicy(principal: unknown, effect: "Allow" | "Deny" = "Allow"): Record<string, unknown> {
  return policy({ Effect: effect, Principal: principal, Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" });
}

export interface RequestOptions {
  principal?: string;
  tags?: Record<string, string>;
  identityPolicies?: unknown[];
  permissionsBoundary?: unknown;
  scps?: unknown[][] | null;
  rcps?: unknown[][] | null;
  resourcePolicy?: unknown;
  resourceAccount?: string;
  sessionPolicy?: unknown;
  action?: string;
  resource?: string;
  context?: Record<string, ContextValue>;
}

export function request(options: RequestOptions = {}): Record<string, unknown> {
  return {
    principal: { arn: options.principal ?? ALICE, tags: options.tags ?? {} },
    identityPolicies: options.identityPolicies ?? [],
    permissionsBoundary: options.permissionsBoundary ?? null,
    scps: options.scps ?? null,
    rcps: options.rcps ?? null,
    resourcePolicy: options.resourcePolicy ?? null,
    resourceAccount: options.resourceAccount ?? ACCOUNT,
    sessionPolicy: options.sessionPolicy ?? null,
    action: options.action ?? "s3:GetObject",
    resource: options.resource ?? "arn:aws:s3:::bucket/key",
    context: options.context ?? {},
  };
}

export function evaluate(options: RequestOptions): EvaluationResult {
  const outcome = simulate(request(options));
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

export function decisionOf(options: RequestOptions): EvaluationResult["decision"] {
  return evaluate(options).decision;
}
