import "server-only";
import { db } from "@/lib/db";
import { getPrincipalPolicies } from "@/lib/data/get-principal-policies";
import { gateSteps } from "@/lib/data/simulate-gates";
import { pastedPolicy, storedPolicy, trustPolicy } from "@/lib/data/simulate-policies";
import { validationError } from "@/lib/errors";
import { createEvaluator, describeDecision, parseCaller, prepareRequest, type MatchedStatement, type PolicyDocument } from "@/lib/iam";
import type { SimulatedPolicy, SimulatedStatement, SimulateInput, SimulationResult, SimulationRow } from "@/lib/schemas/simulation";

/**
 * The simulator: every action on every resource, as a stored principal or a sandbox of pasted
 * policies, each decision with the statements behind it and the gates in AWS's order. The
 * database is read once up front; lib/iam decides.
 */

interface Caller {
  principal: SimulationResult["principal"];
  tags: Record<string, string>;
  identity: PolicyDocument[];
  boundary: PolicyDocument | null;
  /** `policies` starts with the identity documents, then the boundary. */
  policies: SimulatedPolicy[];
}

/** A session policy makes the principal a session: a role's assumed-role session, a user's federated session. */
function sessionArn(kind: "user" | "role", accountId: string, name: string): string {
  return kind === "role" ? `arn:aws:sts::${accountId}:assumed-role/${name}/console-simulator` : `arn:aws:sts::${accountId}:federated-user/${name}`;
}

async function storedCaller(ref: NonNullable<SimulateInput["principal"]>, withSession: boolean): Promise<Caller> {
  const inputs = await getPrincipalPolicies(ref.type, ref.accountId, ref.name);
  const policies = inputs.identity.map((source, i) => storedPolicy(source, inputs.identityPolicies[i], ref.accountId));
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

function sandboxCaller(sandbox: NonNullable<SimulateInput["sandbox"]>, withSession: boolean): Caller {
  const caller = parseCaller({ arn: sandbox.principalArn, tags: {} });
  if (!caller) throw validationError("sandbox.principalArn", "The sandbox principal must be a user, role, session or root ARN.");
  const policies = sandbox.identityPolicies.map((text, i) => pastedPolicy("identity", `Sandbox policy ${i + 1}`, text));
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

const ARN_ACCOUNT = /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/;
const ASSUMES = /^sts:assumerole/i;

/** Stored roles among the resources, by ARN: their trust policies answer sts:AssumeRole*. */
async function rolesByArn(resources: readonly string[]): Promise<Map<string, { accountId: string; name: string; trustPolicy: string }>> {
  const arns = resources.filter((resource) => /^arn:aws:iam::\d{12}:role\//.test(resource));
  if (arns.length === 0) return new Map();
  const roles = await db().role.findMany({ where: { arn: { in: arns } }, select: { arn: true, accountId: true, name: true, trustPolicy: true } });
  return new Map(roles.map((role) => [role.arn, role]));
}

export async function simulatePrincipal(input: SimulateInput): Promise<SimulationResult> {
  const withSession = input.sessionPolicy !== null;
  const caller = input.principal ? await storedCaller(input.principal, withSession) : sandboxCaller(input.sandbox!, withSession);
  const policies = [...caller.policies];
  const identityCount = caller.identity.length;
  const sessionIndex = caller.principal.sessionArn !== null && input.sessionPolicy !== null ? policies.push(pastedPolicy("session", "Session policy", input.sessionPolicy)) - 1 : null;
  const explicitResource = input.resourcePolicy === null ? null : policies.push(pastedPolicy("resource", "Resource-based policy", input.resourcePolicy)) - 1;
  const roles = input.resourcePolicy === null ? await rolesByArn(input.resources) : new Map();
  const trustIndex = new Map<string, number>();

  const rows: SimulationRow[] = [];
  for (const resource of input.resources) {
    const role = roles.get(resource);
    for (const action of input.actions) {
      // A stored role's trust policy is its resource-based policy for sts:AssumeRole* only.
      let resourcePolicyIndex = explicitResource;
      let resourcePolicy: PolicyDocument | null = input.resourcePolicy;
      if (role && ASSUMES.test(action)) {
        if (!trustIndex.has(resource)) trustIndex.set(resource, policies.push(trustPolicy(role, role.trustPolicy)) - 1);
        resourcePolicyIndex = trustIndex.get(resource)!;
        resourcePolicy = role.trustPolicy;
      }
      const resourceAccount = input.resourceAccount ?? role?.accountId ?? ARN_ACCOUNT.exec(resource)?.[1] ?? caller.principal.accountId;
      rows.push(evaluateRow(caller, input, { action, resource, resourceAccount, resourcePolicy, resourcePolicyIndex, identityCount, sessionIndex }));
    }
  }
  const contextKeys = new Set(Object.keys(input.context));
  for (const row of rows) for (const key of row.missingContextValues) contextKeys.add(key);
  return { principal: caller.principal, policies, rows, contextKeys: [...contextKeys].sort((a, b) => a.localeCompare(b, "en")) };
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

function evaluateRow(caller: Caller, input: SimulateInput, plan: RowPlan): SimulationRow {
  const prepared = prepareRequest({
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
  });
  if (!prepared.ok) throw validationError("principal", prepared.error);
  const result = createEvaluator(prepared).evaluate(plan.action, plan.resource, input.context);
  const toStatement = (matched: MatchedStatement): SimulatedStatement => {
    const policy =
      matched.source === "boundary" ? plan.identityCount : matched.source === "session" ? plan.sessionIndex : matched.source === "resource" ? plan.resourcePolicyIndex : matched.policyIndex;
    const statement: SimulatedStatement = { policy: policy ?? -1, statement: matched.statementIndex, sid: matched.sid, effect: matched.effect };
    if (matched.level !== undefined) statement.level = matched.level;
    return statement;
  };
  const { compiled } = prepared;
  const row: SimulationRow = {
    action: plan.action,
    resource: plan.resource,
    resourceAccount: plan.resourceAccount,
    decision: result.decision,
    gate: result.gate,
    reason: describeDecision(result),
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
    resourcePolicy: plan.resourcePolicyIndex,
  };
  if (result.level !== undefined) row.level = result.level;
  if (result.errors) row.errors = result.errors.map((error) => ({ document: error.document, message: error.message, path: error.path }));
  return row;
}
