import { apiRoute } from "@/lib/api/route";
import { listInlinePolicies } from "@/lib/data/list-inline-policies";

type Params = { accountId: string; userName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: await listInlinePolicies("user", params.accountId, params.userName),
}));
