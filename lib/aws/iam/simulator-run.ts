import "server-only";
import type { ZodError } from "zod";
import { roleArn } from "@/lib/arn";
import { principalTarget } from "@/lib/api/operations";
import { getPrincipalPolicies, type PrincipalPolicies } from "@/lib/data/get-principal-policies";
import { simulatePrincipal } from "@/lib/data/simulate-principal";
import { documentText, storedPolicy } from "@/lib/data/simulate-policies";
import { IamError, MAX_REPORTED_ISSUES } from "@/lib/errors";
import { simulateBody, type SimulateInput, type SimulatedPolicy, type SimulationResult } from "@/lib/schemas/simulation";
import { contextOf, invalidInput, notFound, type ContextEntry, type PolicySource } from "@/lib/aws/iam/simulator-input";

/**
 * SimulatePrincipalPolicy and SimulateCustomPolicy run on the console's own simulator
 * (lib/data/simulate-principal.ts), so the endpoint and the simulator page never disagree. A
 * stored user or role simulated as it is runs exactly as the page runs it; extra policies
 * (PolicyInputList), a replacement boundary, a group (whose policies a member would receive) or
 * another caller (CallerArn) run as the simulator's sandbox filled with the entity's own documents
 * and tags, the results then named after the stored policies again. Policies are named as AWS
 * names them: the stored policy's name, "PolicyInputList.N", "ResourcePolicy".
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */

export interface AwsSimulation {
  accountId: string;
  /** PolicySourceArn's entity; null for SimulateCustomPolicy. */
  source: PolicySource | null;
  policyInputs: readonly string[];
  boundaryInputs: readonly string[];
  actions: readonly string[];
  resources: readonly string[];
  resourcePolicy: string | null;
  /** ResourceOwner's account. */
  resourceAccount: string | null;
  callerArn: string | null;
  contextEntries: readonly ContextEntry[] | undefined;
}

/**
 * SimulateCustomPolicy without CallerArn simulates nobody in particular: a role of the caller's
 * account stands in, so no aws:username is invented (AWS reports it missing, as the engine does).
 */
const standInCaller = (accountId: string) => roleArn(accountId, "/", "SimulateCustomPolicyCaller");

/** The console simulator's field names as the AWS parameters they came from. */
function awsField(path: readonly PropertyKey[]): string {
  const [head, second, third] = path.map(String);
  const member = (name: string, index: string | undefined) => (index !== undefined && /^\d+$/.test(index) ? `${name}.member.${Number(index) + 1}` : name);
  if (head === "sandbox" && second === "identityPolicies") return member("PolicyInputList", third);
  if (head === "sandbox" && second === "permissionsBoundary") return "PermissionsBoundaryPolicyInputList.member.1";
  if (head === "actions") return member("ActionNames", second);
  if (head === "resources") return member("ResourceArns", second);
  if (head === "resourcePolicy") return "ResourcePolicy";
  if (head === "resourceAccount") return "ResourceOwner";
  if (head === "context") return "ContextEntries";
  return path.map(String).join(".");
}

function validationFailure(error: ZodError): IamError {
  const issues = error.issues.map((issue) => ({ field: awsField(issue.path), message: `${awsField(issue.path)}: ${issue.message}` }));
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  const failure = new IamError("ValidationError", `${issues[0].message}${more}`, issues[0].field);
  failure.fields = issues.slice(0, MAX_REPORTED_ISSUES);
  return failure;
}

/** The entity's own tags stand behind aws:PrincipalTag/…, unless the request gives a value. */
function withPrincipalTags(context: SimulateInput["context"], tags: Record<string, string>): SimulateInput["context"] {
  const given = new Set(Object.keys(context).map((key) => key.toLowerCase()));
  const out = { ...context };
  for (const [key, value] of Object.entries(tags)) if (!given.has(`aws:principaltag/${key.toLowerCase()}`)) out[`aws:PrincipalTag/${key}`] = value;
  return out;
}

/** Runs the simulation and answers its results with every policy named as AWS names it. */
export async function runAwsSimulation(request: AwsSimulation): Promise<SimulationResult> {
  const { accountId, source } = request;
  // The console simulator's own checks (sizes, nesting, how much work a simulation may be),
  // made on what the request pastes; stored documents are bounded by IAM's quotas.
  const checked = simulateBody.safeParse({
    sandbox: { principalArn: request.callerArn ?? standInCaller(accountId), identityPolicies: request.policyInputs, permissionsBoundary: request.boundaryInputs[0] ?? null },
    actions: request.actions,
    resources: request.resources,
    resourcePolicy: request.resourcePolicy,
    resourceAccount: request.resourceAccount,
    context: contextOf(request.contextEntries),
  });
  if (!checked.success) throw validationFailure(checked.error);
  const base = { ...checked.data, resourcePolicy: request.resourcePolicy, sessionPolicy: null };

  if (source) {
    // The ARN must be the entity's own, path included (its name is case-insensitive, as IAM's names are).
    const target = await principalTarget(source.kind, accountId, source.name);
    if (target.path !== source.path) throw notFound(source.kind, source.name);
    const asItIs = source.kind !== "group" && request.policyInputs.length === 0 && request.boundaryInputs.length === 0 && (request.callerArn === null || request.callerArn === target.arn);
    if (asItIs) {
      const result = await simulatePrincipal({ ...base, principal: { accountId, type: source.kind as "user" | "role", name: source.name }, sandbox: undefined }, accountId);
      return named(result, { accountId, stored: null, inputs: 0, boundary: null });
    }
  }

  const stored = source ? await getPrincipalPolicies(source.kind, accountId, source.name) : null;
  const storedTexts = stored ? stored.identityPolicies.map(documentText) : [];
  const boundaryInput = request.boundaryInputs[0] ?? null;
  const storedBoundary = stored?.permissionsBoundary != null ? documentText(stored.permissionsBoundary) : null;
  const principalArn = request.callerArn ?? stored?.principalArn ?? standInCaller(accountId);
  const context = stored && request.callerArn === null ? withPrincipalTags(base.context, stored.tags) : base.context;
  const input: SimulateInput = {
    ...base,
    context,
    principal: undefined,
    // The pasted texts exactly as given: statement positions count from their first character.
    sandbox: { principalArn, identityPolicies: [...storedTexts, ...request.policyInputs], permissionsBoundary: boundaryInput ?? storedBoundary },
  };
  const result = await simulatePrincipal(input, accountId);
  return named(result, { accountId, stored, inputs: request.policyInputs.length, boundary: boundaryInput !== null ? "input" : storedBoundary !== null ? "stored" : null });
}

interface Naming {
  accountId: string;
  stored: PrincipalPolicies | null;
  inputs: number;
  boundary: "input" | "stored" | null;
}

/**
 * AWS's SourcePolicyId for each document: a stored policy's name (as the page names it), the
 * parameter and position of a pasted one. A grammar error in any of them is InvalidInput.
 */
function named(result: SimulationResult, naming: Naming): SimulationResult {
  const storedCount = naming.stored?.identity.length ?? 0;
  const policies = result.policies.map((policy, index): SimulatedPolicy => {
    const { stored } = naming;
    if (stored && index < storedCount) return storedPolicy(stored.identity[index], stored.identityPolicies[index], naming.accountId);
    if (index < storedCount + naming.inputs) return { ...policy, id: `PolicyInputList.${index - storedCount + 1}` };
    if (index === storedCount + naming.inputs && naming.boundary === "input") return { ...policy, id: "PermissionsBoundaryPolicyInputList.1" };
    if (index === storedCount + naming.inputs && naming.boundary === "stored" && stored?.boundary) return storedPolicy(stored.boundary, stored.permissionsBoundary, naming.accountId);
    // The ResourcePolicy parameter (a stored role's trust policy has its role's page instead).
    if (policy.source === "resource" && policy.link === null) return { ...policy, id: "ResourcePolicy" };
    return policy;
  });
  const first = result.errors[0];
  if (first) {
    const document = first.policy !== null ? (policies[first.policy]?.id ?? first.document) : first.document;
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : "";
    throw invalidInput(`${document} is not a valid policy document: ${first.message}${first.path ? ` (at ${first.path})` : ""}${more}`, document.split(".")[0]);
  }
  return { ...result, policies };
}
