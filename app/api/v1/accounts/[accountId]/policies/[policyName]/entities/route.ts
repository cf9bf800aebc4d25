import { apiRoute } from "@/lib/api/route";
import { listEntitiesForPolicy } from "@/lib/data/list-entities-for-policy";

type Params = { accountId: string; policyName: string };

export const GET = apiRoute<Params>(async ({ params }) => listEntitiesForPolicy(params.accountId, params.policyName));
