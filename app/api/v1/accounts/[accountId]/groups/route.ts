import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { createGroup } from "@/lib/data/create-group";
import { listGroups } from "@/lib/data/list-groups";
import { createGroupBody, listGroupsQuery } from "@/lib/schemas/group";

type Params = { accountId: string };

export const GET = apiRoute<Params>(async ({ req, params }) =>
  listGroups(params.accountId, readQuery(req, listGroupsQuery)),
);

export const POST = apiRoute<Params>(
  async ({ req, params }) => createGroup(params.accountId, await readJson(req, createGroupBody)),
  { status: 201 },
);
