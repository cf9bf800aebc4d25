import { apiRoute } from "@/lib/api/route";
import { removeUserFromGroup } from "@/lib/data/remove-user-from-group";

export const DELETE = apiRoute<{ accountId: string; groupName: string; userName: string }>(
  async ({ params }) => removeUserFromGroup(params.accountId, params.groupName, params.userName),
  { status: 204 },
);
