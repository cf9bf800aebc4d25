import type { DeniedDetail } from "@/lib/error-types";
import { arnAccount, parseIamArn, parseRootArn, parseStsArn } from "@/lib/iam/client";
import type { SimulationRequest } from "@/lib/queries/use-simulator";

/**
 * The whole simulation in the URL, so a link shows the same results to anyone: the principal
 * (`principal=user:123456789012:erin`) or the sandbox's pasted policies, every action and
 * resource, the account that owns the resources when it is not the ARN's (`resourceAccount`), the
 * resource-based and session policies, the context (`ctx=key=value`, repeated for a multivalued
 * key) and the decision being stepped through (`step`).
 */

export type PrincipalType = "user" | "role";

export interface SimulationDraft {
  mode: "principal" | "sandbox";
  principal: { accountId: string; type: PrincipalType; name: string };
  sandboxArn: string;
  identityPolicies: string[];
  boundary: string;
  sessionPolicy: string;
  resourcePolicy: string;
  actions: string[];
  resources: string[];
  /** The account that owns the resources; "" for the ARN's own (else the principal's). */
  resourceAccount: string;
  context: { key: string; value: string }[];
}

export const emptyDraft = (accountId: string): SimulationDraft => ({
  mode: "principal",
  principal: { accountId, type: "user", name: "" },
  sandboxArn: `arn:aws:iam::${accountId}:user/sandbox`,
  identityPolicies: [""],
  boundary: "",
  sessionPolicy: "",
  resourcePolicy: "",
  actions: [],
  resources: [],
  resourceAccount: "",
  context: [],
});

function splitPair(text: string): { key: string; value: string } | null {
  const at = text.indexOf("=");
  return at > 0 ? { key: text.slice(0, at), value: text.slice(at + 1) } : null;
}

export function draftFromParams(params: URLSearchParams, accountId: string): SimulationDraft {
  const draft = emptyDraft(accountId);
  const principal = /^(user|role):(\d{12}):(.+)$/.exec(params.get("principal") ?? "");
  if (principal) draft.principal = { type: principal[1] as PrincipalType, accountId: principal[2], name: principal[3] };
  if (params.get("mode") === "sandbox") draft.mode = "sandbox";
  draft.sandboxArn = params.get("principalArn") ?? draft.sandboxArn;
  const identity = params.getAll("identity");
  if (identity.length > 0) draft.identityPolicies = identity;
  draft.boundary = params.get("boundary") ?? "";
  draft.sessionPolicy = params.get("session") ?? "";
  draft.resourcePolicy = params.get("resourcePolicy") ?? "";
  draft.actions = params.getAll("action");
  draft.resources = params.getAll("resource");
  const owner = params.get("resourceAccount") ?? "";
  if (/^\d{12}$/.test(owner)) draft.resourceAccount = owner;
  draft.context = params.getAll("ctx").flatMap((pair) => splitPair(pair) ?? []);
  return draft;
}

export function paramsFromDraft(draft: SimulationDraft): URLSearchParams {
  const params = new URLSearchParams();
  if (draft.mode === "sandbox") {
    params.set("mode", "sandbox");
    params.set("principalArn", draft.sandboxArn);
    for (const text of draft.identityPolicies) if (text.trim()) params.append("identity", text);
    if (draft.boundary.trim()) params.set("boundary", draft.boundary);
  } else if (draft.principal.name) {
    params.set("principal", `${draft.principal.type}:${draft.principal.accountId}:${draft.principal.name}`);
  }
  if (draft.sessionPolicy.trim()) params.set("session", draft.sessionPolicy);
  if (draft.resourcePolicy.trim()) params.set("resourcePolicy", draft.resourcePolicy);
  for (const action of draft.actions) params.append("action", action);
  for (const resource of draft.resources) if (resource.trim()) params.append("resource", resource.trim());
  if (draft.resourceAccount) params.set("resourceAccount", draft.resourceAccount);
  for (const { key, value } of draft.context) if (key.trim()) params.append("ctx", `${key.trim()}=${value}`);
  return params;
}

/** The API request for a draft, or null while it cannot run (no principal or no action). */
export function requestFromDraft(draft: SimulationDraft): SimulationRequest | null {
  if (draft.actions.length === 0) return null;
  const context: Record<string, string | string[]> = {};
  for (const { key, value } of draft.context) {
    const name = key.trim();
    if (!name) continue;
    const before = context[name];
    context[name] = before === undefined ? value : [...(typeof before === "string" ? [before] : before), value];
  }
  const common = {
    actions: draft.actions,
    resources: draft.resources.filter((resource) => resource.trim()),
    resourceAccount: draft.resourceAccount || null,
    resourcePolicy: draft.resourcePolicy.trim() || null,
    sessionPolicy: draft.sessionPolicy.trim() || null,
    context,
  };
  if (draft.mode === "sandbox") {
    const identityPolicies = draft.identityPolicies.filter((text) => text.trim());
    return { ...common, sandbox: { principalArn: draft.sandboxArn, identityPolicies, permissionsBoundary: draft.boundary.trim() || null } };
  }
  if (!draft.principal.name) return null;
  return { ...common, principal: draft.principal };
}

/**
 * The simulator page and URL that replay a request the console refused (the "Why?" of an
 * AccessDenied): the caller as the principal (an IAM user as its stored user, an assumed-role
 * session as its role, the root user as a sandbox of its ARN with no policies), the action, the
 * resource, the account the request was made to and every context value it carried. Null for a
 * caller the simulator cannot stand in for (a federated user).
 */
export function deniedSimulation(denied: DeniedDetail): { accountId: string; params: URLSearchParams } | null {
  const draft = principalDraft(denied.principalArn);
  if (!draft) return null;
  draft.actions = [denied.action];
  draft.resources = [denied.resource];
  // The simulator takes the owner from the ARN, else the principal's account: say it only when that differs.
  const owner = arnAccount(denied.resource) ?? draft.principal.accountId;
  if (denied.account && denied.account !== owner) draft.resourceAccount = denied.account;
  draft.context = Object.entries(denied.context).flatMap(([key, value]) => (typeof value === "string" ? [value] : value).map((one) => ({ key, value: one })));
  return { accountId: draft.principal.accountId, params: paramsFromDraft(draft) };
}

function principalDraft(arn: string): SimulationDraft | null {
  const root = parseRootArn(arn);
  if (root) return { ...emptyDraft(root.accountId), mode: "sandbox", sandboxArn: arn, identityPolicies: [] };
  const entity = parseIamArn(arn);
  if (entity && (entity.kind === "user" || entity.kind === "role")) {
    return { ...emptyDraft(entity.accountId), principal: { accountId: entity.accountId, type: entity.kind, name: entity.name } };
  }
  const session = parseStsArn(arn);
  if (session?.kind === "assumed-role") return { ...emptyDraft(session.accountId), principal: { accountId: session.accountId, type: "role", name: session.roleName } };
  return null;
}
