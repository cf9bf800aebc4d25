import "server-only";
import { op, principalTarget } from "@/lib/api/operations";
import type { Caller } from "@/lib/auth/caller";
import { getPrincipalPolicies } from "@/lib/data/get-principal-policies";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { pageOfAll, paging } from "@/lib/aws/paging";
import {
  callerArnOf,
  contextKeysForCustomInput,
  contextKeysForPrincipalInput,
  invalidInput,
  notFound,
  policySource,
  resourceOwnerOf,
  simulateCustomInput,
  simulatePrincipalInput,
  type SimulateCustomInput,
  type SimulatePrincipalInput,
} from "@/lib/aws/iam/simulator-input";
import { runAwsSimulation, type AwsSimulation } from "@/lib/aws/iam/simulator-run";
import { evaluationResults } from "@/lib/aws/iam/simulator-results";
import { assertValidInputs, contextKeyNames } from "@/lib/aws/iam/simulator-keys";

/**
 * IAM's policy simulator API: SimulatePrincipalPolicy, SimulateCustomPolicy and the context keys
 * of their policies, answered by the console's own simulator (lib/data/simulate-principal.ts).
 * Authorized as the console's POST /api/v1/simulate authorizes a simulation: SimulatePrincipalPolicy
 * (and GetContextKeysForPrincipalPolicy) on the user, group or role, SimulateCustomPolicy (and
 * GetContextKeysForCustomPolicy) on "*" ("Permissions required for using the policy simulator
 * API"). Unlike the console's page, a caller simulating itself needs the permission too, as in AWS.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html#permissions-required_policy-simulator-api
 */

/** The entity of PolicySourceArn as the resource of the check (its stored path, its tags). */
async function onSource(action: string, arn: string, caller: Caller) {
  const source = policySource(arn, caller);
  const account = accountOf(caller);
  const target = await principalTarget(source.kind, account, source.name);
  return op(account, action, target.arn, target.resourceContext);
}

/** The request as the simulation takes it; the results paged by MaxItems and Marker. */
async function simulate(input: SimulatePrincipalInput | SimulateCustomInput, caller: Caller, source: AwsSimulation["source"], policyInputs: readonly string[]) {
  const simulation = await runAwsSimulation({
    accountId: accountOf(caller),
    source,
    policyInputs,
    boundaryInputs: input.PermissionsBoundaryPolicyInputList ?? [],
    actions: input.ActionNames,
    resources: input.ResourceArns ?? [],
    resourcePolicy: input.ResourcePolicy ?? null,
    resourceAccount: resourceOwnerOf(input.ResourceOwner),
    callerArn: callerArnOf(input.CallerArn),
    contextEntries: input.ContextEntries,
  });
  // Results in a fixed order, so a Marker (the position after the last one answered) continues
  // the same list when the caller asks again with the same parameters.
  const all = evaluationResults(simulation, input.ActionNames.length).map((result, index) => ({ key: String(index).padStart(6, "0"), result }));
  const { items, IsTruncated, Marker } = pageOfAll(all, paging(input), (row) => row.key);
  return { EvaluationResults: items.map((row) => row.result), IsTruncated, Marker };
}

const simulatePrincipalPolicy = awsOperation({
  service: "iam",
  action: "SimulatePrincipalPolicy",
  readOnly: true,
  input: simulatePrincipalInput,
  authorize: (input, caller) => onSource("iam:SimulatePrincipalPolicy", input.PolicySourceArn, caller),
  run: async (input, caller) => {
    const source = policySource(input.PolicySourceArn, caller);
    // "CallerArn is required if you include a ResourcePolicy and the PolicySourceArn is not the ARN for an IAM user."
    if (input.ResourcePolicy !== undefined && input.CallerArn === undefined && source.kind !== "user") {
      throw invalidCaller("and the PolicySourceArn is not the ARN of an IAM user");
    }
    return simulate(input, caller, source, input.PolicyInputList ?? []);
  },
});

const simulateCustomPolicy = awsOperation({
  service: "iam",
  action: "SimulateCustomPolicy",
  readOnly: true,
  input: simulateCustomInput,
  authorize: (_input, caller) => op(accountOf(caller), "iam:SimulateCustomPolicy", "*"),
  run: async (input, caller) => {
    // "CallerArn is required if you include a ResourcePolicy so that the policy's Principal element has a value to use in evaluating the policy."
    if (input.ResourcePolicy !== undefined && input.CallerArn === undefined) throw invalidCaller("");
    return simulate(input, caller, null, input.PolicyInputList);
  },
});

function invalidCaller(when: string) {
  return invalidInput(`CallerArn is required when you include a ResourcePolicy${when ? ` ${when}` : ""}: the resource-based policy's Principal element needs a caller to match.`, "CallerArn");
}

const getContextKeysForPrincipalPolicy = awsOperation({
  service: "iam",
  action: "GetContextKeysForPrincipalPolicy",
  readOnly: true,
  input: contextKeysForPrincipalInput,
  authorize: (input, caller) => onSource("iam:GetContextKeysForPrincipalPolicy", input.PolicySourceArn, caller),
  run: async (input, caller) => {
    const source = policySource(input.PolicySourceArn, caller);
    const account = accountOf(caller);
    const inputs = input.PolicyInputList ?? [];
    assertValidInputs(inputs);
    const target = await principalTarget(source.kind, account, source.name);
    if (target.path !== source.path) throw notFound(source.kind, source.name);
    // "all the IAM policies that are attached to the specified IAM entity" (a user's groups' too,
    // and its permissions boundary, which the simulator evaluates), then the extra ones.
    const stored = await getPrincipalPolicies(source.kind, account, source.name);
    const documents = [...stored.identityPolicies, ...(stored.permissionsBoundary !== null ? [stored.permissionsBoundary] : []), ...inputs];
    return { ContextKeyNames: contextKeyNames(documents) };
  },
});

const getContextKeysForCustomPolicy = awsOperation({
  service: "iam",
  action: "GetContextKeysForCustomPolicy",
  readOnly: true,
  input: contextKeysForCustomInput,
  authorize: (_input, caller) => op(accountOf(caller), "iam:GetContextKeysForCustomPolicy", "*"),
  run: async (input) => {
    assertValidInputs(input.PolicyInputList);
    return { ContextKeyNames: contextKeyNames(input.PolicyInputList) };
  },
});

export const simulatorOperations: SomeAwsOperation[] = [simulatePrincipalPolicy, simulateCustomPolicy, getContextKeysForPrincipalPolicy, getContextKeysForCustomPolicy];
