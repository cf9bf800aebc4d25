import "server-only";
import { apiRoutes, resourceHandlers } from "@/lib/api/route";
import { attachPolicy } from "@/lib/data/attach-policy";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { deletePermissionsBoundary } from "@/lib/data/delete-permissions-boundary";
import { detachPolicy } from "@/lib/data/detach-policy";
import { getEffectivePermissions } from "@/lib/data/get-effective-permissions";
import { getInlinePolicy } from "@/lib/data/get-inline-policy";
import { listAttachedPolicies } from "@/lib/data/list-attached-policies";
import { listInlinePolicies } from "@/lib/data/list-inline-policies";
import type { PolicyHolderKind } from "@/lib/data/policy-holders";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { putPermissionsBoundary, type BoundaryHolderKind } from "@/lib/data/put-permissions-boundary";
import { entityPathParams } from "@/lib/schemas/params";
import { policyArnInput, putInlinePolicyInput } from "@/lib/schemas/policy";
import type { Operation } from "@/lib/auth/authorize";
import { boundaryContext, entityOperation, ownBoundary, type Target } from "@/lib/api/operations";
import type { ContextValue } from "@/lib/iam";

// The sub-resources users, groups and roles share, written once: each route file under
// users/[userName], groups/[groupName] and roles/[roleName] re-exports one of these, e.g.
// `export const { GET, POST, DELETE, PUT, PATCH } = attachedPolicyRoutes("user");`.
// Each declares the IAM action AWS authorizes for it, on the entity's ARN, with the keys the
// Service Authorization Reference lists for that action: iam:PolicyARN, iam:PermissionsBoundary
// (the boundary a request sets, else the target's own) and the target's resource tags.
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html

const WORD = { user: "User", group: "Group", role: "Role" } as const;

/** `iam:{verb}{Kind}{noun}` on the entity named in the path (see entityOperation). */
const onEntity = (
  kind: PolicyHolderKind,
  params: { accountId: string; name: string },
  action: (word: string) => string,
  extra?: (target: Target) => Record<string, ContextValue>,
): Promise<Operation> => entityOperation(kind, params.accountId, params.name, `iam:${action(WORD[kind])}`, extra);

/** …/attached-policies: ListAttached{Kind}Policies, Attach{Kind}Policy, Detach{Kind}Policy (`?policyArn=`). */
export function attachedPolicyRoutes(kind: PolicyHolderKind) {
  const route = apiRoutes(entityPathParams(kind));
  return resourceHandlers({
    GET: route(async ({ params }) => ({ items: await listAttachedPolicies(kind, params.accountId, params.name) }), {
      authorize: ({ params }) => onEntity(kind, params, (word) => `ListAttached${word}Policies`),
    }),
    POST: route(async ({ params, body }) => attachPolicy(kind, params.accountId, params.name, body.policyArn), {
      body: policyArnInput,
      authorize: ({ params, body }) =>
        onEntity(kind, params, (word) => `Attach${word}Policy`, (target) => ({ ...ownBoundary(target), "iam:PolicyARN": body.policyArn })),
    }),
    DELETE: route(async ({ params, query }) => detachPolicy(kind, params.accountId, params.name, query.policyArn), {
      query: policyArnInput,
      status: 204,
      authorize: ({ params, query }) =>
        onEntity(kind, params, (word) => `Detach${word}Policy`, (target) => ({ ...ownBoundary(target), "iam:PolicyARN": query.policyArn })),
    }),
  });
}

/** …/inline-policies: List{Kind}Policies. */
export function inlinePolicyListRoutes(kind: PolicyHolderKind) {
  const route = apiRoutes(entityPathParams(kind));
  return resourceHandlers({
    GET: route(async ({ params }) => ({ items: await listInlinePolicies(kind, params.accountId, params.name) }), {
      authorize: ({ params }) => onEntity(kind, params, (word) => `List${word}Policies`),
    }),
  });
}

/** …/inline-policies/{policyName}: Get{Kind}Policy, Put{Kind}Policy, Delete{Kind}Policy. */
export function inlinePolicyRoutes(kind: PolicyHolderKind) {
  const route = apiRoutes(entityPathParams(kind, "policyName"));
  return resourceHandlers({
    GET: route(async ({ params }) => getInlinePolicy(kind, params.accountId, params.name, params.policyName), {
      authorize: ({ params }) => onEntity(kind, params, (word) => `Get${word}Policy`),
    }),
    PUT: route(
      async ({ params, body }) => putInlinePolicy(kind, params.accountId, params.name, params.policyName, body.policyDocument),
      { body: putInlinePolicyInput, authorize: ({ params }) => onEntity(kind, params, (word) => `Put${word}Policy`, ownBoundary) },
    ),
    DELETE: route(async ({ params }) => deleteInlinePolicy(kind, params.accountId, params.name, params.policyName), {
      status: 204,
      authorize: ({ params }) => onEntity(kind, params, (word) => `Delete${word}Policy`, ownBoundary),
    }),
  });
}

/**
 * …/effective-permissions: what the principal really gets, each line traced to its statement.
 * AWS has no such operation; the nearest is simulating the principal's policies
 * (SimulatePrincipalPolicy, whose resource types are user, group and role).
 */
export function effectivePermissionsRoutes(kind: PolicyHolderKind) {
  const route = apiRoutes(entityPathParams(kind));
  return resourceHandlers({
    GET: route(async ({ params }) => getEffectivePermissions(kind, params.accountId, params.name), {
      authorize: ({ params }) => onEntity(kind, params, () => "SimulatePrincipalPolicy"),
    }),
  });
}

/**
 * …/permissions-boundary: Put{Kind}PermissionsBoundary (iam:PermissionsBoundary is the boundary
 * being set), Delete{Kind}PermissionsBoundary (the one being removed) — users and roles.
 */
export function permissionsBoundaryRoutes(kind: BoundaryHolderKind) {
  const route = apiRoutes(entityPathParams(kind));
  return resourceHandlers({
    PUT: route(
      async ({ params, body }) => ({
        permissionsBoundary: await putPermissionsBoundary(kind, params.accountId, params.name, body.policyArn),
      }),
      {
        body: policyArnInput,
        authorize: ({ params, body }) => onEntity(kind, params, (word) => `Put${word}PermissionsBoundary`, () => boundaryContext(body.policyArn)),
      },
    ),
    DELETE: route(async ({ params }) => deletePermissionsBoundary(kind, params.accountId, params.name), {
      status: 204,
      authorize: ({ params }) => onEntity(kind, params, (word) => `Delete${word}PermissionsBoundary`, ownBoundary),
    }),
  });
}
