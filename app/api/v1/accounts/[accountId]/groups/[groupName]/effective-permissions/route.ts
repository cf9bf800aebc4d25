import { z } from "zod";
import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { getEffectivePermissions } from "@/lib/data/get-effective-permissions";
import { groupName } from "@/lib/schemas/common";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "groupName"));

const params = z.object({ groupName });

export const GET = route(async ({ params: raw }) =>
  getEffectivePermissions("group", raw.accountId, params.parse(raw).groupName),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
