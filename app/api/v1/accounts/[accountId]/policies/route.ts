import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { createPolicy } from "@/lib/data/create-policy";
import { listPolicies } from "@/lib/data/list-policies";
import { createPolicyInput, listPoliciesQuery } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ req, params }) =>
  listPolicies(params.accountId, readQuery(req, listPoliciesQuery)),
);

export const POST = route(
  async ({ req, params }) => createPolicy(params.accountId, await readJson(req, createPolicyInput)),
  { status: 201 },
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
