/**
 * The principal's policies sorted into what the evaluation logic asks of them: the denies of
 * every policy type, the identity-based grants, and the layers that must each allow too (every
 * SCP level, the permissions boundary, the session policy). Which of them a request must pass,
 * and in which order, is the engine's own plan (`gatePlan` in evaluate/decide.ts), read here
 * check by check; only the values differ: sets of statements instead of booleans.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { readDocument, type CompiledPolicy } from "../compile/policy";
import { RequestContext } from "../context";
import { checkApplies, gatePlan, unreachable } from "../evaluate/decide";
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
  /** The plan has an identity-policy check (everyone but the account root user). */
  identityRequired: boolean;
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
  const layers: AccessLayers = { rootUser, identityRequired: false, denies: [], identity: [], limits: [] };
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

  // Every policy is read, for its denies, even where its allows are not asked for.
  layers.identity = read(compiled.identity, request.identityPolicies, "identity");
  const scpLevels = compiled.scps?.map((policies, level) => read(policies, request.scps?.[level] ?? [], "scp", level)) ?? [];
  const boundary = compiled.boundary && request.permissionsBoundary !== null ? read([compiled.boundary], [request.permissionsBoundary], "boundary") : [];
  const session = compiled.session && request.sessionPolicy !== null ? read([compiled.session], [request.sessionPolicy], "session") : [];

  // Identity side only: no resource-based policy, so the "either" rule with no grant.
  const { shape } = compiled;
  for (const check of gatePlan(shape, "either", null).checks) {
    if (!checkApplies(check, shape)) continue;
    switch (check) {
      case "explicitDeny":
        break; // every policy's denies, read above
      case "rcp":
        break; // the analysis takes no RCPs
      case "identityPolicy":
        layers.identityRequired = true;
        break;
      case "scp":
        scpLevels.forEach((statements, level) => layers.limits.push({ layer: "scp", level, statements }));
        break;
      case "permissionsBoundary":
        layers.limits.push({ layer: "boundary", statements: boundary });
        break;
      case "federatedSession":
        // No session policy: a layer that allows nothing.
        layers.limits.push({ layer: "session", statements: [] });
        break;
      case "sessionPolicy":
        layers.limits.push({ layer: "session", statements: session });
        break;
      case "resourcePolicy":
      case "rootUser":
        throw new Error(`the identity-side plan has no ${check} check`);
      default:
        return unreachable(check);
    }
  }
  return layers;
}
