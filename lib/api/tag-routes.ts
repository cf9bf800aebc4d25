import "server-only";
import { apiRoutes, resourceHandlers } from "@/lib/api/route";
import { listResourceTags } from "@/lib/data/list-resource-tags";
import type { TaggableKind } from "@/lib/data/resource-tags";
import { tagResource } from "@/lib/data/tag-resource";
import { untagResource } from "@/lib/data/untag-resource";
import { tagResourceBody, untagResourceQuery } from "@/lib/schemas/common";
import { entityPathParams } from "@/lib/schemas/params";

/**
 * …/users/{userName}/tags, …/roles/{roleName}/tags and …/policies/{policyName}/tags:
 * List{Kind}Tags, Tag{Kind} (PUT `{ tags }`, answers every tag) and Untag{Kind} (`?keys=a,b`),
 * one set of rules for the three kinds.
 */
export function tagRoutes(kind: TaggableKind) {
  const route = apiRoutes(entityPathParams(kind));
  return resourceHandlers({
    GET: route(async ({ params }) => ({ items: await listResourceTags(kind, params.accountId, params.name) })),
    PUT: route(async ({ params, body }) => ({ items: await tagResource(kind, params.accountId, params.name, body.tags) }), {
      body: tagResourceBody,
    }),
    DELETE: route(async ({ params, query }) => untagResource(kind, params.accountId, params.name, query.keys), {
      query: untagResourceQuery,
      status: 204,
    }),
  });
}
