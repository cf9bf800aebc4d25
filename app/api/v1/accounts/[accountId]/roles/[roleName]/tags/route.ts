import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { getRole } from "@/lib/data/get-role";
import { tagRole } from "@/lib/data/tag-role";
import { untagRole } from "@/lib/data/untag-role";
import { tagRoleInput, untagRoleQuery } from "@/lib/schemas/role";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "roleName"));

export const GET = route(async ({ params }) => ({
  items: (await getRole(params.accountId, params.roleName)).tags,
}));

export const PUT = route(async ({ req, params }) => ({
  items: await tagRole(params.accountId, params.roleName, (await readJson(req, tagRoleInput)).tags),
}));

export const DELETE = route(
  async ({ req, params }) => untagRole(params.accountId, params.roleName, readQuery(req, untagRoleQuery).keys),
  { status: 204 },
);

export const { POST, PATCH } = methodsNotAllowed({ GET, PUT, DELETE });
