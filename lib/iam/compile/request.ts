/**
 * Every document of a request, named and compiled once. The same compiled request serves a
 * single evaluation, many evaluations with other actions/resources/contexts, and a sweep.
 */
import type { PolicyKind } from "../validate/types";
import { isSession, type CallerIdentity } from "../principal";
import { trustPolicyGoverns, type RequestShape } from "../evaluate/decide";
import { actionName } from "../match/action";
import type { PolicyDocument, PolicyError, SimulationRequest } from "../types";
import { compilePolicy, type CompiledPolicy } from "./policy";

export interface NamedDocument {
  /** Where it is in the request, e.g. `identityPolicies[1]`, `scps[0][2]`. */
  name: string;
  kind: PolicyKind;
  document: PolicyDocument;
}

export interface CompiledRequest {
  shape: RequestShape;
  identity: CompiledPolicy[];
  boundary: CompiledPolicy | null;
  /** Only for assumed-role and federated-user sessions, the principals session policies exist for. */
  session: CompiledPolicy | null;
  scps: CompiledPolicy[][] | null;
  rcps: CompiledPolicy[][] | null;
  resourcePolicy: CompiledPolicy | null;
  /** What compilation could not read, by document. */
  issues: PolicyError[];
}

const ROLE_RESOURCE = /^arn:[^:]+:iam::\d{12}:role\//;

/**
 * A role's trust policy is the resource-based policy of every STS request on the role
 * (sts:AssumeRole*, sts:TagSession, sts:SetSourceIdentity, sts:SetContext), validated as a trust
 * policy; any other resource policy is judged as a resource-based policy. A sweep (action null)
 * goes by the resource alone.
 */
export function resourcePolicyKind(action: string | null, resource: string): PolicyKind {
  const resourceIsRole = ROLE_RESOURCE.test(resource);
  const trust = action === null ? resourceIsRole : trustPolicyGoverns(actionName(action), resourceIsRole);
  return trust ? "trust" : "resource";
}

export function listDocuments(request: SimulationRequest, action: string | null): NamedDocument[] {
  const documents: NamedDocument[] = request.identityPolicies.map((document, i) => ({
    name: `identityPolicies[${i}]`,
    kind: "identity",
    document,
  }));
  if (request.permissionsBoundary !== null) {
    documents.push({ name: "permissionsBoundary", kind: "boundary", document: request.permissionsBoundary });
  }
  if (request.sessionPolicy !== null) {
    documents.push({ name: "sessionPolicy", kind: "session", document: request.sessionPolicy });
  }
  for (const [name, kind] of [["scps", "scp"], ["rcps", "rcp"]] as const) {
    request[name]?.forEach((level, i) =>
      level.forEach((document, j) => documents.push({ name: `${name}[${i}][${j}]`, kind, document })),
    );
  }
  if (request.resourcePolicy !== null) {
    const kind = resourcePolicyKind(action, request.resource);
    documents.push({ name: "resourcePolicy", kind, document: request.resourcePolicy });
  }
  return documents;
}

/**
 * Compiles every document of the request. With `cache`, a document already compiled (the same
 * string or object) is reused, so requests that share documents compile each one once.
 */
export function compileRequest(request: SimulationRequest, caller: CallerIdentity, cache?: Map<PolicyDocument, CompiledPolicy>): CompiledRequest {
  const issues: PolicyError[] = [];
  const compile = (document: PolicyDocument, name: string): CompiledPolicy => {
    let compiled = cache?.get(document);
    if (!compiled) {
      compiled = compilePolicy(document);
      cache?.set(document, compiled);
    }
    for (const issue of compiled.issues) issues.push({ document: name, ...issue });
    return compiled;
  };
  const levels = (list: SimulationRequest["scps"], name: string) =>
    list?.map((level, i) => level.map((document, j) => compile(document, `${name}[${i}][${j}]`))) ?? null;

  const session =
    request.sessionPolicy !== null && isSession(caller) ? compile(request.sessionPolicy, "sessionPolicy") : null;
  const boundary = request.permissionsBoundary === null ? null : compile(request.permissionsBoundary, "permissionsBoundary");
  return {
    shape: {
      caller,
      crossAccount: request.resourceAccount !== null && request.resourceAccount !== caller.account,
      hasBoundary: boundary !== null,
      hasSessionPolicy: session !== null,
      hasResourcePolicy: request.resourcePolicy !== null,
      resourceIsRole: ROLE_RESOURCE.test(request.resource),
    },
    identity: request.identityPolicies.map((document, i) => compile(document, `identityPolicies[${i}]`)),
    boundary,
    session,
    scps: levels(request.scps, "scps"),
    rcps: levels(request.rcps, "rcps"),
    resourcePolicy: request.resourcePolicy === null ? null : compile(request.resourcePolicy, "resourcePolicy"),
    issues,
  };
}
