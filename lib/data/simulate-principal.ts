import "server-only";
import { performance } from "node:perf_hooks";
import { arnAccount, assumedRoleArn, federatedUserArn, isRoleArn } from "@/lib/arn";
import { db } from "@/lib/db";
import { getPrincipalPolicies } from "@/lib/data/get-principal-policies";
import { pastedPolicy, storedPolicy, trustPolicy } from "@/lib/data/simulate-policies";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { validationError } from "@/lib/errors";
import {
  accessDeniedMessage,
  cacheCompilation,
  cacheValidation,
  createDocumentCache,
  createEvaluator,
  describeDecision,
  gateSteps,
  nearMissesOf,
  parseCaller,
  prepareRequest,
  resourcePolicyKind,
  type Evaluator,
  type MatchedStatement,
  type PolicyDocument,
  type PolicyKind,
  type Prepared,
  type RawPolicy,
} from "@/lib/iam";
import type { SimulatedPolicy, SimulatedStatement, SimulateInput, SimulationIssue, SimulationResult, SimulationRow } from "@/lib/schemas/simulation";

/**
 * The simulator: every action on every resource, as a stored principal or a sandbox of pasted
 * policies, each decision with the statements behind it and the gates in AWS's order. The
 * database is read once up front; lib/iam decides. Each document is parsed, validated and
 * compiled once per simulation, however many rows it takes part in.
 */

interface Caller {
  principal: SimulationResult["principal"];
  tags: Record<string, string>;
  identity: PolicyDocument[];
  boundary: PolicyDocument | null;
  /** `policies` starts with the identity documents, then the boundary. */
  policies: SimulatedPolicy[];
}

/** The event loop's turn: other requests are answered while a simulation runs. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads documents one at a time, a turn between each: a pasted one may be 128 KB. */
async function mapWithTurns<T, R>(items: readonly T[], map: (item: T, index: number) => R): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) {
    results.push(map(item, index));
    await turn();
  }
  return results;
}

/** A session policy makes the principal a session: a role's assumed-role session, a user's federated session. */
function sessionArn(kind: "user" | "role", accountId: string, name: string): string {
  return kind === "role" ? assumedRoleArn(accountId, name, "console-simulator") : federatedUserArn(accountId, name);
}

async function storedCaller(ref: NonNullable<SimulateInput["principal"]>, withSession: boolean): Promise<Caller> {
  const inputs = await getPrincipalPolicies(ref.type, ref.accountId, ref.name);
  const policies = await mapWithTurns(inputs.identity, (source, i) => storedPolicy(source, inputs.identityPolicies[i], ref.accountId));
  if (inputs.boundary && inputs.permissionsBoundary !== null) policies.push(storedPolicy(inputs.boundary, inputs.permissionsBoundary, ref.accountId));
  return {
    principal: {
      arn: inputs.arn,
      kind: ref.type,
      accountId: ref.accountId,
      name: inputs.name,
      sessionArn: withSession ? sessionArn(ref.type, ref.accountId, inputs.name) : null,
    },
    tags: inputs.tags,
    identity: inputs.identityPolicies,
    boundary: inputs.permissionsBoundary,
    policies,
  };
}

async function sandboxCaller(sandbox: NonNullable<SimulateInput["sandbox"]>, withSession: boolean): Promise<Caller> {
  const caller = parseCaller({ arn: sandbox.principalArn, tags: {} });
  if (!caller) throw validationError("sandbox.principalArn", "The sandbox principal must be a user, role, session or root ARN.");
  const policies = await mapWithTurns(sandbox.identityPolicies, (text, i) => pastedPolicy("identity", `Sandbox policy ${i + 1}`, text));
  if (sandbox.permissionsBoundary !== null) policies.push(pastedPolicy("boundary", "Sandbox permissions boundary", sandbox.permissionsBoundary));
  // A pasted session ARN is a session already; the root user has no sessions to simulate.
  const session = !withSession || caller.kind === "root" ? null : caller.kind === "user" || caller.kind === "role" ? sessionArn(caller.kind, caller.account, caller.name) : sandbox.principalArn;
  return {
    principal: {
      arn: sandbox.principalArn,
      kind: "sandbox",
      accountId: caller.account,
      name: caller.name,
      sessionArn: session,
    },
    tags: {},
    identity: sandbox.identityPolicies,
    boundary: sandbox.permissionsBoundary,
    policies,
  };
}

/** Stored roles among the resources, by ARN: their trust policies answer every sts action on them. */
async function rolesByArn(resources: readonly string[], readable: string | null): Promise<Map<string, { accountId: string; name: string; trustPolicy: string }>> {
  // Only roles of the account the caller may read: another account's trust policies (and whether
  // its roles exist) are not the caller's to see, as IAM's API never reaches across accounts.
  const arns = resources.filter((arn) => isRoleArn(arn) && (readable === null || arnAccount(arn) === readable));
  if (arns.length === 0) return new Map();
  const roles = await db().role.findMany({ where: { arn: { in: arns } }, select: { arn: true, accountId: true, name: true, trustPolicy: true } });
  return new Map(roles.map((role) => [role.arn, role]));
}

/**
 * How long rows are evaluated before the event loop gets a turn: the engine is synchronous, and
 * a 2,000-row simulation must not keep every other request waiting.
 */
const TURN_MS = 20;

/**
 * `readableAccount`: the only account whose stored trust policies answer sts actions on its roles
 * (the caller's acting account); null reads every account (scripts and tests acting as the operator).
 */
export async function simulatePrincipal(input: SimulateInput, readableAccount: string | null = null): Promise<SimulationResult> {
  const withSession = input.sessionPolicy !== null;
  const caller = input.principal ? await storedCaller(input.principal, withSession) : await sandboxCaller(input.sandbox!, withSession);
  const policies = [...caller.policies];
  const identityCount = caller.identity.length;
  const sessionIndex = caller.principal.sessionArn !== null && input.sessionPolicy !== null ? policies.push(pastedPolicy("session", "Session policy", input.sessionPolicy)) - 1 : null;
  await turn();
  const explicitResource = input.resourcePolicy === null ? null : policies.push(pastedPolicy("resource", "Resource-based policy", input.resourcePolicy)) - 1;
  await turn();
  const roles = input.resourcePolicy === null ? await rolesByArn(input.resources, readableAccount) : new Map();
  const trustIndex = new Map<string, number>();
  const evaluators = new RowEvaluators(caller, input);
  await evaluators.warm();

  const rows: SimulationRow[] = [];
  let started = performance.now();
  for (const resource of input.resources) {
    const role = roles.get(resource);
    for (const action of input.actions) {
      // A stored role's trust policy is its resource-based policy for sts actions only.
      let resourcePolicyIndex = explicitResource;
      let resourcePolicy: PolicyDocument | null = input.resourcePolicy;
      if (role && resourcePolicyKind(action, resource) === "trust") {
        if (!trustIndex.has(resource)) trustIndex.set(resource, policies.push(trustPolicy(role, role.trustPolicy)) - 1);
        resourcePolicyIndex = trustIndex.get(resource)!;
        resourcePolicy = role.trustPolicy;
      }
      const resourceAccount = input.resourceAccount ?? role?.accountId ?? arnAccount(resource) ?? caller.principal.accountId;
      rows.push(evaluators.row({ action, resource, resourceAccount, resourcePolicy, resourcePolicyIndex, identityCount, sessionIndex }));
      if (performance.now() - started >= TURN_MS) {
        await turn();
        started = performance.now();
      }
    }
  }
  const contextKeys = new Set(Object.keys(input.context));
  for (const row of rows) for (const key of row.missingContextValues) contextKeys.add(key);
  const errors = evaluators.errors(policies);
  return { principal: caller.principal, policies, rows, errors, contextKeys: [...contextKeys].sort((a, b) => a.localeCompare(b, "en")) };
}

interface RowPlan {
  action: string;
  resource: string;
  resourceAccount: string;
  resourcePolicy: PolicyDocument | null;
  resourcePolicyIndex: number | null;
  identityCount: number;
  sessionIndex: number | null;
}

type Ready = Extract<Prepared, { ok: true }>;

/** Which policy of the result an engine document name (`identityPolicies[2]`, `resourcePolicy` …) is, for this row. */
function policyOf(name: string, plan: RowPlan): number | null {
  const identity = /^identityPolicies\[(\d+)\]$/.exec(name);
  if (identity) return Number(identity[1]);
  if (name === "permissionsBoundary") return plan.identityCount;
  if (name === "sessionPolicy") return plan.sessionIndex;
  if (name === "resourcePolicy") return plan.resourcePolicyIndex;
  return null;
}

/**
 * Prepares the engine's request once per distinct resource-side setting, not once per row: rows
 * differ in action and resource, while the documents, their validation and their compiled
 * matchers are shared through one DocumentCache. A row's request depends on its action only
 * through the resource policy's kind (a trust policy for sts actions on a role).
 */
class RowEvaluators {
  private readonly cache = createDocumentCache();
  private readonly prepared = new Map<string, { ready: Ready; evaluator: Evaluator }>();
  private readonly issues = new Map<string, SimulationIssue>();
  /** Statements as written, per document, for the near misses of implicit denies. */
  private readonly written = new Map<PolicyDocument, RawPolicy>();

  constructor(
    private readonly caller: Caller,
    private readonly input: SimulateInput,
  ) {}

  private prepare(plan: RowPlan): { ready: Ready; evaluator: Evaluator } {
    const kind = plan.resourcePolicy === null ? "" : resourcePolicyKind(plan.action, plan.resource);
    const key = JSON.stringify([plan.resource, plan.resourceAccount, plan.resourcePolicyIndex, kind]);
    const known = this.prepared.get(key);
    if (known) return known;
    const { caller, input } = this;
    const prepared = prepareRequest(
      {
        principal: { arn: caller.principal.sessionArn ?? caller.principal.arn, tags: caller.tags },
        identityPolicies: caller.identity,
        permissionsBoundary: caller.boundary,
        scps: null,
        resourcePolicy: plan.resourcePolicy,
        resourceAccount: plan.resourceAccount,
        sessionPolicy: input.sessionPolicy,
        action: plan.action,
        resource: plan.resource,
        context: input.context,
      },
      "evaluate",
      this.cache,
    );
    if (!prepared.ok) throw validationError("principal", prepared.error);
    // An invalid document spoils every row; its issues are reported once, in the result.
    for (const error of prepared.errors) {
      const policy = policyOf(error.document, plan);
      const issueKey = JSON.stringify([policy ?? error.document, error.path, error.message]);
      if (!this.issues.has(issueKey)) this.issues.set(issueKey, { policy, document: error.document, code: error.code, message: error.message, path: error.path });
    }
    const entry = { ready: prepared, evaluator: createEvaluator(prepared) };
    this.prepared.set(key, entry);
    return entry;
  }

  /** Validates and compiles the caller's documents ahead of the rows, a turn between each. */
  async warm(): Promise<void> {
    const { caller, input } = this;
    const documents: [PolicyDocument, PolicyKind][] = caller.identity.map((document) => [document, "identity"]);
    if (caller.boundary !== null) documents.push([caller.boundary, "boundary"]);
    if (input.sessionPolicy !== null) documents.push([input.sessionPolicy, "session"]);
    if (input.resourcePolicy !== null) {
      // Judged as a trust policy for sts actions on a role, as a resource policy otherwise.
      const kinds = new Set(input.resources.flatMap((resource) => input.actions.map((action) => resourcePolicyKind(action, resource))));
      for (const kind of kinds) documents.push([input.resourcePolicy, kind]);
    }
    await mapWithTurns(documents, ([document, kind]) => cacheValidation(this.cache, document, kind));
    await mapWithTurns(documents, ([document]) => cacheCompilation(this.cache, document));
  }

  /** Every issue of every invalid document, named after the policy it is in. */
  errors(policies: readonly SimulatedPolicy[]): SimulationIssue[] {
    return [...this.issues.values()].map((issue) => (issue.policy !== null && policies[issue.policy] ? { ...issue, document: policies[issue.policy].name } : issue));
  }

  row(plan: RowPlan): SimulationRow {
    const { ready, evaluator } = this.prepare(plan);
    const result = evaluator.evaluate(plan.action, plan.resource, this.input.context);
    const toStatement = (matched: MatchedStatement): SimulatedStatement => {
      const policy =
        matched.source === "boundary" ? plan.identityCount : matched.source === "session" ? plan.sessionIndex : matched.source === "resource" ? plan.resourcePolicyIndex : matched.policyIndex;
      const statement: SimulatedStatement = { policy: policy ?? -1, statement: matched.statementIndex, sid: matched.sid, effect: matched.effect };
      if (matched.level !== undefined) statement.level = matched.level;
      return statement;
    };
    const { compiled } = ready;
    const row: SimulationRow = {
      action: plan.action,
      resource: plan.resource,
      resourceAccount: plan.resourceAccount,
      decision: result.decision,
      gate: result.gate,
      reason: describeDecision(result),
      accessDenied: accessDeniedMessage({ principalArn: this.caller.principal.sessionArn ?? this.caller.principal.arn, action: plan.action, resource: plan.resource, result }),
      matched: result.explanation.map(toStatement),
      missingContextValues: result.missingContextValues,
      steps: gateSteps(
        result,
        {
          scpLevels: 0,
          rcpLevels: 0,
          hasResourcePolicy: compiled.resourcePolicy !== null,
          hasBoundary: compiled.boundary !== null,
          hasSessionPolicy: compiled.session !== null,
          isRoot: compiled.shape.caller.kind === "root",
        },
        toStatement,
      ),
      nearMisses: nearMissesOf(ready, result, plan.action, plan.resource, this.input.context, { catalog: loadCatalogIndex(), cache: this.written }).map((miss) => ({
        statement: toStatement({ source: miss.source, policyIndex: miss.policyIndex, statementIndex: miss.statementIndex, sid: miss.sid, effect: "Allow", level: miss.level }),
        part: miss.part,
        text: miss.text,
      })),
      resourcePolicy: plan.resourcePolicyIndex,
    };
    if (result.level !== undefined) row.level = result.level;
    return row;
  }
}
