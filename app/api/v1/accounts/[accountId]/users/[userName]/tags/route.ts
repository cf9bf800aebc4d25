import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { listUserTags } from "@/lib/data/list-user-tags";
import { tagUser } from "@/lib/data/tag-user";
import { untagUser } from "@/lib/data/untag-user";
import { tagUserBody, untagUserQuery } from "@/lib/schemas/user";

type Params = { accountId: string; userName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: await listUserTags(params.accountId, params.userName),
}));

export const PUT = apiRoute<Params>(async ({ req, params }) => {
  const { tags } = await readJson(req, tagUserBody);
  return { items: await tagUser(params.accountId, params.userName, tags) };
});

export const DELETE = apiRoute<Params>(
  async ({ req, params }) => untagUser(params.accountId, params.userName, readQuery(req, untagUserQuery).keys),
  { status: 204 },
);
