import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { getRole } from "@/lib/data/get-role";
import { tagRole } from "@/lib/data/tag-role";
import { untagRole } from "@/lib/data/untag-role";
import { tagRoleInput, untagRoleQuery } from "@/lib/schemas/role";

type Params = { accountId: string; roleName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: (await getRole(params.accountId, params.roleName)).tags,
}));

export const PUT = apiRoute<Params>(async ({ req, params }) => ({
  items: await tagRole(params.accountId, params.roleName, (await readJson(req, tagRoleInput)).tags),
}));

export const DELETE = apiRoute<Params>(
  async ({ req, params }) => untagRole(params.accountId, params.roleName, readQuery(req, untagRoleQuery).keys),
  { status: 204 },
);
