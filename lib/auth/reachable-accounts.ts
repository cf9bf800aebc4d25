import "server-only";
import { assumedRoleArn } from "@/lib/arn";
import { assumeRoleDenied, assumeRoleRequest, ASSUME_ROLE, rootCannotAssume } from "@/lib/auth/assume-role-decision";
import { callerEntry, callerKey, currentStamp, decideOperations, documentCache, type CallerEntry } from "@/lib/auth/authorize";
import { globalContext, principalTags, type Identity, type RequestFacts } from "@/lib/auth/identity";
import { keptCache, type Stamp } from "@/lib/data/compiled-policies";
import { listAccountRoles, ORGANIZATION_ROLE, type AccountRole, type AccountWithRoles } from "@/lib/data/list-account-roles";
import { createEvaluator, prepareRequest, type ContextValue, type Evaluator } from "@/lib/iam";
import type { AccountRead, AccountsRead, AccountUnread } from "@/lib/schemas/reachable-accounts";

/**
 * Which accounts a multi-account view may read for the caller, as multi-account tools read an
 * estate: the IAM API never reaches across accounts, so each account is read either by the
 * caller's own policies (its own account) or through a role it may assume there, whose policies
 * must allow iam:GetAccountAuthorizationDetails (the API that reads every principal and policy of
 * an account). sts:AssumeRole is decided by the engine: the role's trust policy as the
 * resource-based policy and the caller's identity policies and boundary (both must allow across
 * accounts; the root user may assume no role). Roles are tried OrganizationAccountAccessRole
 * first, then by name; the first that works is the one named.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */

export const READ_ACCOUNT = "iam:GetAccountAuthorizationDetails";

/** sts:AssumeRole evaluators per caller (by the acting ARN and the role's ARN), as of the caller's entry. */
interface CallerDoors {
  entry: CallerEntry;
  assume: Map<string, Evaluator>;
}

const callers = keptCache<string, CallerDoors>("reachable-account callers", 2_000);

async function callerDoors(identity: Identity, stamp: Stamp): Promise<CallerDoors> {
  const entry = await callerEntry(identity, stamp);
  const key = callerKey(identity);
  const kept = callers.get(key);
  if (kept && kept.entry === entry) return kept;
  return callers.set(key, { entry, assume: new Map() });
}

/**
 * Switch Role's request (assumeRoleRequest), compiled once per caller and role. An STS role
 * session's session policy caps its sts:AssumeRole as every request it makes, and its session tags
 * are its principal tags (lib/aws/sts/assume-role.ts decides the same): such a session's
 * evaluators are kept per access key, as the door keeps them (lib/auth/authorize.ts).
 */
function assumeEvaluator(doors: CallerDoors, identity: Identity, role: AccountRole): Evaluator | null {
  const sessionPolicy = identity.sessionPolicy ?? null;
  const extras = sessionPolicy !== null || Object.keys(identity.sessionTags ?? {}).length > 0;
  const key = extras ? `${identity.arn}|${identity.accessKeyId ?? ""}|${role.arn}` : `${identity.arn}|${role.arn}`;
  const found = doors.assume.get(key);
  if (found) return found;
  const request = assumeRoleRequest({
    principal: { arn: identity.arn, accountId: identity.accountId, tags: extras ? principalTags(doors.entry.tags, identity.sessionTags) : doors.entry.tags },
    identityPolicies: doors.entry.identityPolicies,
    permissionsBoundary: doors.entry.boundary,
    role: { arn: role.arn, accountId: role.accountId, trustPolicy: role.trustPolicy },
    sessionPolicy,
  });
  const prepared = prepareRequest(request, "evaluate", documentCache());
  if (!prepared.ok) return null;
  const evaluator = createEvaluator(prepared);
  if (doors.assume.size > 512) doors.assume.clear();
  doors.assume.set(key, evaluator);
  return evaluator;
}

/**
 * Whether a trust policy could let this caller in at all: a Principal that matches it names its
 * account (its ARN, the account's root or the bare id) or is a wildcard ("*", or NotPrincipal).
 * A cheap test on the text that spares compiling every other role of a large estate.
 */
const mayName = (role: AccountRole, callerAccount: string): boolean =>
  role.trustText.includes(callerAccount) || role.trustText.includes('"*"') || role.trustText.includes("NotPrincipal");

/** The session the caller would act as in `role`, as Switch Role makes it (MFA carries over). */
function roleSession(identity: Identity, role: AccountRole, sessionName: string, now: Date): Identity {
  return {
    type: "AssumedRole",
    accountId: role.accountId,
    arn: assumedRoleArn(role.accountId, role.name, sessionName),
    userId: `${role.id}:${sessionName}`,
    signedIn: identity.signedIn,
    role: {
      roleArn: role.arn,
      roleName: role.name,
      roleId: role.id,
      accountId: role.accountId,
      sessionName,
      displayName: role.name,
      color: "",
      issuedAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    },
    mfaAt: identity.mfaAt,
    tokenIssuedAt: now,
    accessKeyId: null,
    sessionIdHash: null,
  };
}

interface Attempt {
  read: AccountRead | null;
  /** AWS's refusal of the nearest attempt: a role assumed but not allowed to read, else the first AssumeRole refused. */
  message: string | null;
}

async function throughRoles(identity: Identity, facts: RequestFacts, account: AccountWithRoles, doors: CallerDoors, stamp: Stamp, now: Date): Promise<Attempt> {
  const sessionName = identity.role?.sessionName ?? identity.signedIn.userName ?? "root";
  const context: Record<string, ContextValue> = { ...globalContext(identity, facts, now), "sts:RoleSessionName": sessionName };
  let refusedRead: string | null = null;
  let refusedAssume: string | null = null;
  const assumeRefusal = (role: AccountRole) => (identity.type === "Root" ? rootCannotAssume(identity.arn, role.arn) : assumeRoleDenied(identity.arn, role.arn));
  for (const role of account.roles) {
    if (identity.role?.roleArn === role.arn || !mayName(role, identity.accountId)) continue;
    const result = assumeEvaluator(doors, identity, role)?.evaluate(ASSUME_ROLE, role.arn, context);
    if (result?.decision !== "allowed") {
      refusedAssume ??= assumeRefusal(role);
      continue;
    }
    const session = roleSession(identity, role, sessionName, now);
    const [verdict] = await decideOperations(session, facts, [{ account: account.accountId, action: READ_ACCOUNT, resource: "*" }], now, stamp);
    if (verdict.allowed) return { read: { accountId: account.accountId, alias: account.alias, via: "role", roleName: role.name, roleArn: role.arn }, message: null };
    refusedRead ??= verdict.message;
  }
  // Nothing tried: say what STS answers for the role Organizations creates, when the account has one.
  const organizationRole = account.roles.find((role) => role.name === ORGANIZATION_ROLE);
  const fallback = organizationRole ? assumeRefusal(organizationRole) : null;
  return { read: null, message: refusedRead ?? refusedAssume ?? fallback };
}

/**
 * Every account, read or not, for `identity`: its own by its own policies, the others (and its
 * own when its policies do not allow) through the first role that works.
 */
export async function reachableAccounts(identity: Identity, facts: RequestFacts, now: Date = new Date()): Promise<AccountsRead> {
  const stamp = await currentStamp();
  const [accounts, doors] = await Promise.all([listAccountRoles(stamp), callerDoors(identity, stamp)]);
  const read: AccountRead[] = [];
  const unread: AccountUnread[] = [];
  for (const account of accounts) {
    let ownRefusal: string | null = null;
    if (account.accountId === identity.accountId) {
      const [verdict] = await decideOperations(identity, facts, [{ account: account.accountId, action: READ_ACCOUNT, resource: "*" }], now, stamp);
      if (verdict.allowed) {
        read.push({ accountId: account.accountId, alias: account.alias, via: "own" });
        continue;
      }
      ownRefusal = verdict.message;
    }
    const attempt = await throughRoles(identity, facts, account, doors, stamp, now);
    if (attempt.read) {
      read.push(attempt.read);
      continue;
    }
    unread.push({
      accountId: account.accountId,
      alias: account.alias,
      reason:
        ownRefusal !== null
          ? `your policies do not allow ${READ_ACCOUNT} here, and no role you may assume here does`
          : `no role you may assume allows ${READ_ACCOUNT}`,
      message: ownRefusal ?? attempt.message,
    });
  }
  return { read, unread };
}

/** The ids of the accounts read, for filtering a whole-estate answer. */
export const readAccountIds = (accounts: AccountsRead): ReadonlySet<string> => new Set(accounts.read.map((account) => account.accountId));
