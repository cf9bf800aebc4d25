import { apiRoute, readJson } from "@/lib/api/route";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { listGroupsForUser } from "@/lib/data/list-groups-for-user";
import { addUserToGroupBody } from "@/lib/schemas/group";

type Params = { accountId: string; userName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: await listGroupsForUser(params.accountId, params.userName),
}));

export const POST = apiRoute<Params>(async ({ req, params }) => {
  const { groupName } = await readJson(req, addUserToGroupBody);
  return addUserToGroup(params.accountId, groupName, params.userName);
});
