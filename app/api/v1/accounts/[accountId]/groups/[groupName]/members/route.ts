import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { listGroupMembers } from "@/lib/data/list-group-members";
import { addGroupMemberBody } from "@/lib/schemas/group";
import { listUsersQuery } from "@/lib/schemas/user";

type Params = { accountId: string; groupName: string };

export const GET = apiRoute<Params>(async ({ req, params }) =>
  listGroupMembers(params.accountId, params.groupName, readQuery(req, listUsersQuery)),
);

export const POST = apiRoute<Params>(async ({ req, params }) => {
  const { userName } = await readJson(req, addGroupMemberBody);
  return addUserToGroup(params.accountId, params.groupName, userName);
});
