import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { attachPolicy } from "@/lib/data/attach-policy";
import { detachPolicy } from "@/lib/data/detach-policy";
import { listAttachedPolicies } from "@/lib/data/list-attached-policies";
import { policyArnInput } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "groupName"));

export const GET = route(async ({ params }) => ({
  items: await listAttachedPolicies("group", params.accountId, params.groupName),
}));

export const POST = route(async ({ req, params }) =>
  attachPolicy("group", params.accountId, params.groupName, (await readJson(req, policyArnInput)).policyArn),
);

export const DELETE = route(
  async ({ req, params }) =>
    detachPolicy("group", params.accountId, params.groupName, readQuery(req, policyArnInput).policyArn),
  { status: 204 },
);

export const { PUT, PATCH } = methodsNotAllowed({ GET, POST, DELETE });
