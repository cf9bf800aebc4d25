import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { listInlinePolicies } from "@/lib/data/list-inline-policies";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

export const GET = route(async ({ params }) => ({
  items: await listInlinePolicies("user", params.accountId, params.userName),
}));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
