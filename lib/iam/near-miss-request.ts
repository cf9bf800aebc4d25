/**
 * Near misses of one evaluated request: looked for only after an implicit deny, and only in the
 * policies whose gate found no Allow (an identity policy's near miss is noise when another
 * identity statement allowed and the boundary is what denied). The gates follow "Policy
 * evaluation logic"; SCP and RCP levels each need an Allow of their own.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
import type { CompiledPolicy } from "./compile/policy";
import { RequestContext } from "./context";
import { findNearMisses, type NearMiss, type NearMissOptions, type NearMissPolicy } from "./near-miss";
import type { Prepared } from "./simulate";
import type { ContextValue, EvaluationResult, PolicyDocument, PolicySource } from "./types";

type Ready = Extract<Prepared, { ok: true }>;

function allowedIn(result: EvaluationResult, source: PolicySource, level?: number): boolean {
  return result.explanation.some((statement) => statement.effect === "Allow" && statement.source === source && (level === undefined || statement.level === level));
}

function levels(source: "scp" | "rcp", compiled: readonly (readonly CompiledPolicy[])[] | null, documents: readonly (readonly PolicyDocument[])[] | null, result: EvaluationResult): NearMissPolicy[] {
  const policies: NearMissPolicy[] = [];
  compiled?.forEach((level, i) => {
    if (allowedIn(result, source, i)) return;
    level.forEach((policy, j) => policies.push({ source, level: i, policyIndex: j, compiled: policy, document: documents?.[i]?.[j] ?? null }));
  });
  return policies;
}

/** The policies to look through for near misses, gate by gate in AWS's order. */
export function nearMissPolicies(prepared: Ready, result: EvaluationResult): NearMissPolicy[] {
  const { compiled, request } = prepared;
  const policies: NearMissPolicy[] = [...levels("scp", compiled.scps, request.scps, result), ...levels("rcp", compiled.rcps, request.rcps, result)];
  if (compiled.resourcePolicy && !allowedIn(result, "resource")) {
    policies.push({ source: "resource", policyIndex: 0, compiled: compiled.resourcePolicy, document: request.resourcePolicy });
  }
  if (compiled.shape.caller.kind !== "root" && !allowedIn(result, "identity")) {
    compiled.identity.forEach((policy, i) => policies.push({ source: "identity", policyIndex: i, compiled: policy, document: request.identityPolicies[i] }));
  }
  if (compiled.boundary && !allowedIn(result, "boundary")) {
    policies.push({ source: "boundary", policyIndex: 0, compiled: compiled.boundary, document: request.permissionsBoundary });
  }
  if (compiled.session && !allowedIn(result, "session")) {
    policies.push({ source: "session", policyIndex: 0, compiled: compiled.session, document: request.sessionPolicy });
  }
  return policies;
}

/** The near misses behind an implicit deny of `action` on `resource`; none for any other decision. */
export function nearMissesOf(
  prepared: Ready,
  result: EvaluationResult,
  action: string,
  resource: string,
  context: Readonly<Record<string, ContextValue>>,
  options: NearMissOptions = {},
): NearMiss[] {
  if (result.decision !== "implicitDeny") return [];
  const lookup = new RequestContext(prepared.derived, context);
  return findNearMisses(nearMissPolicies(prepared, result), { action, resource, context: lookup, shape: prepared.compiled.shape }, options);
}
