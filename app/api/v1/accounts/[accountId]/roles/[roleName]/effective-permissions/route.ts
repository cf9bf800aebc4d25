import { z } from "zod";
import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { getEffectivePermissions } from "@/lib/data/get-effective-permissions";
import { roleName } from "@/lib/schemas/common";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "roleName"));

const params = z.object({ roleName });

export const GET = route(async ({ params: raw }) =>
  getEffectivePermissions("role", raw.accountId, params.parse(raw).roleName),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
