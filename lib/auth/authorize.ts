import "server-only";
import { db } from "@/lib/db";
import { keptCache, readStamp, sameStamp, type Stamp } from "@/lib/data/compiled-policies";
import { getPrincipalPolicies } from "@/lib/data/get-principal-policies";
import { globalContext, principalTags, type Identity, type RequestFacts } from "@/lib/auth/identity";
import { httpError, IamError } from "@/lib/errors";
import { accessDeniedMessage, createDocumentCache, createEvaluator, prepareRequest, type ContextValue, type DocumentCache, type EvaluationResult, type Evaluator } from "@/lib/iam";

/**
 * The console's authorization: every operation is a request to the engine, by the caller's
 * identity policies, permissions boundary and global keys, as AWS decides a call to its IAM API
 * ("Policy evaluation logic" in the IAM User Guide). The IAM API never reaches across accounts:
 * a resource in another account is decided with that account as the resource's owner and no
 * resource-based policy, so the engine refuses it ("because no resource-based policy allows").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */

/** One thing a request does, as AWS's IAM API would authorize it. */
export interface Operation {
  /**
   * The account the request is made to (the path's account): the resource's owner. It decides
   * cross-account refusals even for "*" resources and AWS managed policies' ARNs.
   */
  account: string;
  /** e.g. "iam:CreateUser". */
  action: string;
  /** The resource ARN ("*" for actions without a resource type). */
  resource: string;
  /** Request-specific keys (iam:PolicyARN, aws:RequestTag/…, aws:TagKeys); the global ones are added. */
  context?: Record<string, ContextValue>;
}

export type Verdict =
  | { allowed: true; operation: Operation; result: EvaluationResult }
  | { allowed: false; operation: Operation; result: EvaluationResult; message: string };

/** The caller's side of every request it makes: its policies and tags, read once per change. */
export interface CallerEntry {
  stamp: Stamp;
  principalArn: string;
  tags: Record<string, string>;
  identityPolicies: unknown[];
  boundary: unknown;
  /** By the resource's account ("" for the caller's own). */
  evaluators: Map<string, Evaluator>;
}

/** Compiled policies per acting principal (user, role or root), refreshed when anything changes. */
const callers = keptCache<string, CallerEntry>("authorization callers", 2_000);

/**
 * Documents validated and compiled, shared by every caller: the data layer keeps a managed
 * policy's document as one object per (policy, version, UpdateDate), so after a change the callers
 * read again find AdministratorAccess and the like compiled already, and only what changed is
 * compiled anew. Inline documents are read as new objects: the cache starts over past its bound.
 */
const DOCUMENT_BOUND = 20_000;
const shared = globalThis as unknown as { iamAuthorizationDocuments?: DocumentCache };
export function documentCache(): DocumentCache {
  const cache = (shared.iamAuthorizationDocuments ??= createDocumentCache());
  if (cache.compiled.size > DOCUMENT_BOUND) {
    cache.compiled.clear();
    cache.validated.clear();
  }
  return cache;
}

/**
 * The stored user or role whose policies the identity acts with, found by its unique id (AIDA…,
 * AROA…) as AWS binds credentials to it: a user or role deleted and made again under the same
 * name is another principal, and the old sessions get nothing from it. Null: root (no policies
 * needed in its own account), or a principal that no longer exists (then nothing grants it).
 */
async function holderPolicies(identity: Identity) {
  const found = identity.role
    ? await db().role.findUnique({ where: { id: identity.role.roleId }, select: { accountId: true, name: true } })
    : identity.type === "IAMUser"
      ? await db().user.findUnique({ where: { id: identity.signedIn.userId }, select: { accountId: true, name: true } })
      : null;
  if (!found) return null;
  try {
    return await getPrincipalPolicies(identity.role ? "role" : "user", found.accountId, found.name);
  } catch (err) {
    if (err instanceof IamError && err.code === "NoSuchEntity") return null;
    throw err;
  }
}

/** What a caller's entry is kept under: the unique id of the user or role it acts as. */
export const callerKey = (identity: Identity): string => (identity.role ? identity.role.roleId : identity.type === "IAMUser" ? identity.signedIn.userId : identity.arn);

/**
 * The caller's identity policies, boundary and tags as of `stamp` (kept per user or role, read
 * again when anything changed). Other decisions for the caller (lib/auth/reachable-accounts.ts)
 * build on the same entry.
 */
export async function callerEntry(identity: Identity, stamp: Stamp): Promise<CallerEntry> {
  const key = callerKey(identity);
  const kept = callers.get(key);
  // A role session's ARN differs per session; the policies are the role's, kept once per role.
  if (kept && sameStamp(kept.stamp, stamp)) return kept;
  const policies = await holderPolicies(identity);
  const entry: CallerEntry = {
    stamp,
    principalArn: identity.arn,
    tags: policies?.tags ?? {},
    identityPolicies: policies?.identityPolicies ?? [],
    boundary: policies?.permissionsBoundary ?? null,
    evaluators: new Map(),
  };
  return callers.set(key, entry);
}

/**
 * An STS role session's own part of its requests (lib/aws/sts): its session policy caps the
 * role's permissions, its session tags override the role's tags ("Session policies", "Pass
 * session tags in AWS STS"). A console session or a long-term key has neither.
 */
const sessionPolicyOf = (identity: Identity) => identity.sessionPolicy ?? null;
const hasSessionExtras = (identity: Identity) =>
  sessionPolicyOf(identity) !== null || (identity.sessionTags !== undefined && Object.keys(identity.sessionTags).length > 0);

function evaluatorFor(entry: CallerEntry, identity: Identity, resourceAccount: string): Evaluator {
  const key = resourceAccount === identity.accountId ? "" : resourceAccount;
  // The session's own ARN: the cache entry is the role's, the evaluator names this session. Two
  // STS sessions of one name may differ in session policy and tags: theirs are kept per access key.
  const extras = hasSessionExtras(identity);
  const cacheKey = extras ? `${identity.arn}|${identity.accessKeyId ?? ""}|${key}` : `${identity.arn}|${key}`;
  const found = entry.evaluators.get(cacheKey);
  if (found) return found;
  const prepared = prepareRequest(
    {
      principal: { arn: identity.arn, tags: extras ? principalTags(entry.tags, identity.sessionTags) : entry.tags },
      identityPolicies: entry.identityPolicies,
      permissionsBoundary: entry.boundary,
      scps: null,
      rcps: null,
      resourcePolicy: null,
      resourceAccount: key === "" ? null : key,
      sessionPolicy: sessionPolicyOf(identity),
      action: "",
      resource: "",
      context: {},
    },
    "sweep",
    documentCache(),
  );
  if (!prepared.ok) throw new Error(`The caller's request could not be prepared: ${prepared.error}`);
  const evaluator = createEvaluator(prepared);
  if (entry.evaluators.size > 64) entry.evaluators.clear();
  entry.evaluators.set(cacheKey, evaluator);
  return evaluator;
}

/** The stamp of what is stored now: one query, shared by every operation of a request. */
export const currentStamp = (): Promise<Stamp> => readStamp(db());

/** The engine's verdict on each operation, in order, stopping at the first refusal. */
export async function decideOperations(identity: Identity, facts: RequestFacts, operations: readonly Operation[], now: Date = new Date(), stamp?: Stamp): Promise<Verdict[]> {
  if (operations.length === 0) return [];
  const entry = await callerEntry(identity, stamp ?? (await currentStamp()));
  const global = globalContext(identity, facts, now);
  const verdicts: Verdict[] = [];
  for (const operation of operations) {
    const resourceAccount = operation.account;
    const context = operation.context ? { ...global, ...operation.context } : global;
    const result = evaluatorFor(entry, identity, resourceAccount).evaluate(operation.action, operation.resource, context);
    if (result.decision === "allowed") {
      verdicts.push({ allowed: true, operation, result });
      continue;
    }
    const message =
      accessDeniedMessage({ principalArn: identity.arn, action: operation.action, resource: operation.resource, result }) ??
      `User: ${identity.arn} is not authorized to perform: ${operation.action} on resource: ${operation.resource}`;
    verdicts.push({ allowed: false, operation, result, message });
    break;
  }
  return verdicts;
}

/** The AccessDenied error for a refused verdict, carrying the request for the console's "Why?". */
export function accessDenied(verdict: Extract<Verdict, { allowed: false }>, identity: Identity, facts: RequestFacts, now: Date = new Date()): IamError {
  const error = httpError("AccessDenied", verdict.message);
  const context: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries({ ...globalContext(identity, facts, now), ...verdict.operation.context })) context[key] = typeof value === "string" ? value : [...value];
  error.denied = { principalArn: identity.arn, account: verdict.operation.account, action: verdict.operation.action, resource: verdict.operation.resource, context };
  return error;
}

/** Throws AccessDenied unless every operation is allowed; answers the verdicts. */
export async function authorizeOperations(identity: Identity, facts: RequestFacts, operations: readonly Operation[], now: Date = new Date()): Promise<Verdict[]> {
  const verdicts = await decideOperations(identity, facts, operations, now);
  const refused = verdicts.find((verdict) => !verdict.allowed);
  if (refused && !refused.allowed) throw accessDenied(refused, identity, facts, now);
  return verdicts;
}
