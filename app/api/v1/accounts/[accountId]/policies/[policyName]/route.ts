import { apiRoute, readQuery } from "@/lib/api/route";
import { deletePolicy } from "@/lib/data/delete-policy";
import { getPolicy } from "@/lib/data/get-policy";
import { forceQuery } from "@/lib/schemas/policy";

type Params = { accountId: string; policyName: string };

export const GET = apiRoute<Params>(async ({ params }) => getPolicy(params.accountId, params.policyName));

export const DELETE = apiRoute<Params>(
  async ({ req, params }) => deletePolicy(params.accountId, params.policyName, readQuery(req, forceQuery)),
  { status: 204 },
);
