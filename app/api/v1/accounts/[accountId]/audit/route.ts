import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { op } from "@/lib/api/operations";
import { listAuditEvents } from "@/lib/data/list-audit-events";
import { listAuditQuery } from "@/lib/schemas/audit";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

// GET ?principal=ARN&outcome=all|allowed|denied&eventName=&from=&to=&page=&pageSize=: one page of
// the account's audit trail, newest first. Reading it is CloudTrail's LookupEvents.
export const GET = route(async ({ params, query }) => listAuditEvents(params.accountId, query), {
  query: listAuditQuery,
  authorize: ({ params }) => op(params.accountId, "cloudtrail:LookupEvents", "*"),
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
