import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { attachPolicy } from "@/lib/data/attach-policy";
import { detachPolicy } from "@/lib/data/detach-policy";
import { listAttachedPolicies } from "@/lib/data/list-attached-policies";
import { policyArnInput } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

export const GET = route(async ({ params }) => ({
  items: await listAttachedPolicies("user", params.accountId, params.userName),
}));

export const POST = route(async ({ req, params }) =>
  attachPolicy("user", params.accountId, params.userName, (await readJson(req, policyArnInput)).policyArn),
);

export const DELETE = route(
  async ({ req, params }) =>
    detachPolicy("user", params.accountId, params.userName, readQuery(req, policyArnInput).policyArn),
  { status: 204 },
);

export const { PUT, PATCH } = methodsNotAllowed({ GET, POST, DELETE });
