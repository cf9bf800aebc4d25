/**
 * The principal's policies sorted into what the evaluation logic asks of them: the denies of
 * every policy type, the identity-based grants, and the layers that must each allow too (every
 * SCP level, the permissions boundary, the session policy).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
import { readDocument, type CompiledPolicy } from "../compile/policy";
import { RequestContext } from "../context";
import { principalGrant } from "../evaluate/statement";
import type { Prepared } from "../simulate";
import type { PolicyDocument, PolicySource } from "../types";
import { VARIABLES_VERSION } from "../variables";
import { symbolize, type SymbolicStatement } from "./symbolic";
import type { LimitLayer } from "./types";

export interface LayerStatements {
  layer: LimitLayer;
  level?: number;
  statements: SymbolicStatement[];
}

export interface AccessLayers {
  rootUser: boolean;
  denies: SymbolicStatement[];
  identity: SymbolicStatement[];
  /** In the order the engine checks them: SCP levels, boundary, session policy. */
  limits: LayerStatements[];
}

type Ready = Extract<Prepared, { ok: true }>;

function rawStatements(document: PolicyDocument): { statements: unknown[]; substitute: boolean } {
  const record = readDocument(document, []);
  const statement = record?.Statement;
  return {
    statements: Array.isArray(statement) ? statement : [statement],
    substitute: record?.Version === VARIABLES_VERSION,
  };
}

export function collectLayers(prepared: Ready): AccessLayers {
  const { compiled, request, caller } = prepared;
  const known = new RequestContext(prepared.derived, {});
  const rootUser = caller.kind === "root";
  const layers: AccessLayers = { rootUser, denies: [], identity: [], limits: [] };
  let nextId = 0;

  /** Sorts one group's statements: denies to `denies`, allows returned. */
  const read = (policies: readonly CompiledPolicy[], documents: readonly PolicyDocument[], source: PolicySource, level?: number) => {
    const allows: SymbolicStatement[] = [];
    policies.forEach((policy, policyIndex) => {
      const { statements, substitute } = rawStatements(documents[policyIndex]);
      for (const statement of policy.statements) {
        const raw = statements[statement.index];
        if (typeof raw !== "object" || raw === null || principalGrant(statement, compiled.shape) === null) continue;
        const ref = { source, ...(level === undefined ? {} : { level }), policyIndex, statementIndex: statement.index, sid: statement.sid };
        const symbolic = symbolize(nextId++, raw as Record<string, unknown>, statement, ref, substitute, known);
        if (symbolic === null) continue;
        (statement.effect === "Deny" ? layers.denies : allows).push(symbolic);
      }
    });
    return allows;
  };

  layers.identity = read(compiled.identity, request.identityPolicies, "identity");
  compiled.scps?.forEach((policies, level) => {
    const statements = read(policies, request.scps?.[level] ?? [], "scp", level);
    layers.limits.push({ layer: "scp", level, statements });
  });
  if (compiled.boundary && request.permissionsBoundary !== null) {
    const statements = read([compiled.boundary], [request.permissionsBoundary], "boundary");
    // The root user is not limited by a boundary; its denies still apply.
    if (!rootUser) layers.limits.push({ layer: "boundary", statements });
  }
  if (compiled.session && request.sessionPolicy !== null) {
    layers.limits.push({ layer: "session", statements: read([compiled.session], [request.sessionPolicy], "session") });
  } else if (caller.kind === "federatedUser") {
    // A federated-user session without a session policy has no identity-side permissions
    // ("Permissions for GetFederationToken").
    layers.limits.push({ layer: "session", statements: [] });
  }
  return layers;
}
