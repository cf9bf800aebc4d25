import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { op } from "@/lib/api/operations";
import { cloudTrailTime } from "@/lib/auth/cloudtrail";
import { exportAuditEvents } from "@/lib/data/list-audit-events";
import { auditFilters } from "@/lib/schemas/audit";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

// GET ?principal=&outcome=&eventName=&from=&to=: the filtered trail as CloudTrail's JSON
// ({"Records": [...]}), as a file to download. Reading it is CloudTrail's LookupEvents.
export const GET = route(
  async ({ params, query }) => {
    const file = await exportAuditEvents(params.accountId, query);
    const stamp = cloudTrailTime(new Date()).replace(/[-:]/g, "");
    return new Response(JSON.stringify(file, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${params.accountId}_CloudTrail_us-east-1_${stamp}.json"`,
        "Cache-Control": "no-store",
      },
    });
  },
  {
    query: auditFilters,
    authorize: ({ params }) => op(params.accountId, "cloudtrail:LookupEvents", "*"),
  },
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
