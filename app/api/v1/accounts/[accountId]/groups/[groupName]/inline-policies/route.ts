import { apiRoute } from "@/lib/api/route";
import { listInlinePolicies } from "@/lib/data/list-inline-policies";

type Params = { accountId: string; groupName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: await listInlinePolicies("group", params.accountId, params.groupName),
}));
