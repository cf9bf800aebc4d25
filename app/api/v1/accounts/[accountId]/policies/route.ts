import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { createPolicy } from "@/lib/data/create-policy";
import { listPolicies } from "@/lib/data/list-policies";
import { createPolicyInput, listPoliciesQuery } from "@/lib/schemas/policy";

type Params = { accountId: string };

export const GET = apiRoute<Params>(async ({ req, params }) =>
  listPolicies(params.accountId, readQuery(req, listPoliciesQuery)),
);

export const POST = apiRoute<Params>(
  async ({ req, params }) => createPolicy(params.accountId, await readJson(req, createPolicyInput)),
  { status: 201 },
);
