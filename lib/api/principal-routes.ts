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

// The sub-resources users, groups and roles share, written once: each route file under
// users/[userName], groups/[groupName] and roles/[roleName] re-exports one of these, e.g.
// `export const { GET, POST, DELETE, PUT, PATCH } = attachedPolicyRoutes("user");`.

/** …/attached-policies: ListAttached{Kind}Policies, Attach{Kind}Policy, Detach{Kind}Policy (`?policyArn=`). */
export function attachedPolicyRoutes(kind: PolicyHolderKind) {
  const route = apiRoutes(entityPathParams(kind));
  return resourceHandlers({
    GET: route(async ({ params }) => ({ items: await listAttachedPolicies(kind, params.accountId, params.name) })),
    POST: route(async ({ params, body }) => attachPolicy(kind, params.accountId, params.name, body.policyArn), { body: policyArnInput }),
    DELETE: route(async ({ params, query }) => detachPolicy(kind, params.accountId, params.name, query.policyArn), {
      query: policyArnInput,
      status: 204,
    }),
  });
}

/** …/inline-policies: List{Kind}Policies. */
export function inlinePolicyListRoutes(kind: PolicyHolderKind) {
  const route = apiRoutes(entityPathParams(kind));
  return resourceHandlers({
    GET: route(async ({ params }) => ({ items: await listInlinePolicies(kind, params.accountId, params.name) })),
  });
}

/** …/inline-policies/{policyName}: Get{Kind}Policy, Put{Kind}Policy, Delete{Kind}Policy. */
export function inlinePolicyRoutes(kind: PolicyHolderKind) {
  const route = apiRoutes(entityPathParams(kind, "policyName"));
  return resourceHandlers({
    GET: route(async ({ params }) => getInlinePolicy(kind, params.accountId, params.name, params.policyName)),
    PUT: route(
      async ({ params, body }) => putInlinePolicy(kind, params.accountId, params.name, params.policyName, body.policyDocument),
      { body: putInlinePolicyInput },
    ),
    DELETE: route(async ({ params }) => deleteInlinePolicy(kind, params.accountId, params.name, params.policyName), { status: 204 }),
  });
}

/** …/effective-permissions: what the principal really gets, each line traced to its statement. */
export function effectivePermissionsRoutes(kind: PolicyHolderKind) {
  const route = apiRoutes(entityPathParams(kind));
  return resourceHandlers({
    GET: route(async ({ params }) => getEffectivePermissions(kind, params.accountId, params.name)),
  });
}

/** …/permissions-boundary: Put{Kind}PermissionsBoundary, Delete{Kind}PermissionsBoundary (users and roles). */
export function permissionsBoundaryRoutes(kind: BoundaryHolderKind) {
  const route = apiRoutes(entityPathParams(kind));
  return resourceHandlers({
    PUT: route(
      async ({ params, body }) => ({
        permissionsBoundary: await putPermissionsBoundary(kind, params.accountId, params.name, body.policyArn),
      }),
      { body: policyArnInput },
    ),
    DELETE: route(async ({ params }) => deletePermissionsBoundary(kind, params.accountId, params.name), { status: 204 }),
  });
}
