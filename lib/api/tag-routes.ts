import "server-only";
import { apiRoutes, resourceHandlers } from "@/lib/api/route";
import { listResourceTags } from "@/lib/data/list-resource-tags";
import { TAGGABLE, type TaggableKind } from "@/lib/data/resource-tags";
import { tagResource } from "@/lib/data/tag-resource";
import { untagResource } from "@/lib/data/untag-resource";
import { tagResourceBody, untagResourceQuery } from "@/lib/schemas/common";
import { entityPathParams } from "@/lib/schemas/params";
import type { Operation } from "@/lib/auth/authorize";
import { op, policyTarget, principalTarget, requestTagContext, tagKeysContext } from "@/lib/api/operations";
import type { ContextValue } from "@/lib/iam";

/** `iam:{verb}{Kind}{suffix}` on the resource in the path, with its aws:ResourceTag/… (and iam:ResourceTag/…) and `context`. */
async function onTagged(kind: TaggableKind, params: { accountId: string; name: string }, action: (title: string) => string, context: Record<string, ContextValue> = {}): Promise<Operation> {
  const target = kind === "policy" ? await policyTarget(params.accountId, params.name) : await principalTarget(kind, params.accountId, params.name);
  return op(params.accountId, `iam:${action(TAGGABLE[kind].title)}`, target.arn, { ...target.resourceContext, ...context });
}

/**
 * …/users/{userName}/tags, …/roles/{roleName}/tags and …/policies/{policyName}/tags:
 * List{Kind}Tags, Tag{Kind} (PUT `{ tags }`, answers every tag) and Untag{Kind} (`?keys=a,b`),
 * one set of rules for the three kinds. Tag{Kind} carries aws:RequestTag/… and aws:TagKeys,
 * Untag{Kind} aws:TagKeys, as the Service Authorization Reference lists them
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html).
 */
export function tagRoutes(kind: TaggableKind) {
  const route = apiRoutes(entityPathParams(kind));
  return resourceHandlers({
    GET: route(async ({ params }) => ({ items: await listResourceTags(kind, params.accountId, params.name) }), {
      authorize: ({ params }) => onTagged(kind, params, (title) => `List${title}Tags`),
    }),
    PUT: route(async ({ params, body }) => ({ items: await tagResource(kind, params.accountId, params.name, body.tags) }), {
      body: tagResourceBody,
      authorize: ({ params, body }) => onTagged(kind, params, (title) => `Tag${title}`, requestTagContext(body.tags)),
    }),
    DELETE: route(async ({ params, query }) => untagResource(kind, params.accountId, params.name, query.keys), {
      query: untagResourceQuery,
      status: 204,
      authorize: ({ params, query }) => onTagged(kind, params, (title) => `Untag${title}`, tagKeysContext(query.keys)),
    }),
  });
}
