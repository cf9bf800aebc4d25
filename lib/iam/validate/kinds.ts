import type { PolicyKind } from "./types";

/** What each kind of policy allows, from the IAM User Guide and the Organizations guide. */
export interface KindRules {
  /** How the kind is named in messages. */
  name: string;
  /** Principal/NotPrincipal: one is required, or neither may appear. */
  principal: "required" | "forbidden";
  notPrincipal: boolean;
  /** Resource/NotResource: one is required, or neither may appear. */
  resource: "required" | "forbidden";
  notAction: boolean;
  /** IAM and Organizations accept only [A-Za-z0-9] in a Sid and want it unique. */
  strictSid: boolean;
  /** RCPs: Principal must be "*" (restrict principals with conditions instead). */
  principalWildcardOnly: boolean;
  /** RCPs: "Allow" exists only for the RCPFullAWSAccess policy. */
  allowOnlyFullAccess: boolean;
}

const IAM_PERMISSIONS = {
  principal: "forbidden",
  notPrincipal: false,
  resource: "required",
  notAction: true,
  strictSid: true,
  principalWildcardOnly: false,
  allowOnlyFullAccess: false,
} as const;

export const KIND_RULES: Record<PolicyKind, KindRules> = {
  identity: { ...IAM_PERMISSIONS, name: "an identity-based policy" },
  boundary: { ...IAM_PERMISSIONS, name: "a permissions boundary" },
  session: { ...IAM_PERMISSIONS, name: "a session policy" },
  // SCPs take the full IAM language since September 2025 (conditions, NotAction and
  // NotResource in Allow statements) but never a principal:
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
  scp: { ...IAM_PERMISSIONS, name: "a service control policy" },
  // A role trust policy names who may assume the role; the role is the resource, so IAM
  // rejects Resource ("Has prohibited field Resource") and NotPrincipal:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
  trust: {
    name: "a role trust policy",
    principal: "required",
    notPrincipal: false,
    resource: "forbidden",
    notAction: true,
    strictSid: true,
    principalWildcardOnly: false,
    allowOnlyFullAccess: false,
  },
  // Services define their own Sid rules (spaces and punctuation are common in bucket policies).
  resource: {
    name: "a resource-based policy",
    principal: "required",
    notPrincipal: true,
    resource: "required",
    notAction: true,
    strictSid: false,
    principalWildcardOnly: false,
    allowOnlyFullAccess: false,
  },
  // RCP elements: Version, Statement, Sid, Effect, Principal, Action, Resource, NotResource,
  // Condition — no NotPrincipal, no NotAction:
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
  rcp: {
    name: "a resource control policy",
    principal: "required",
    notPrincipal: false,
    resource: "required",
    notAction: false,
    strictSid: true,
    principalWildcardOnly: true,
    allowOnlyFullAccess: true,
  },
};
