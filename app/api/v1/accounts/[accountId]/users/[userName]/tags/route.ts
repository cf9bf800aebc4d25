import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { listUserTags } from "@/lib/data/list-user-tags";
import { tagUser } from "@/lib/data/tag-user";
import { untagUser } from "@/lib/data/untag-user";
import { tagUserBody, untagUserQuery } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

export const GET = route(async ({ params }) => ({
  items: await listUserTags(params.accountId, params.userName),
}));

export const PUT = route(async ({ req, params }) => {
  const { tags } = await readJson(req, tagUserBody);
  return { items: await tagUser(params.accountId, params.userName, tags) };
});

export const DELETE = route(
  async ({ req, params }) => untagUser(params.accountId, params.userName, readQuery(req, untagUserQuery).keys),
  { status: 204 },
);

export const { POST, PATCH } = methodsNotAllowed({ GET, PUT, DELETE });
