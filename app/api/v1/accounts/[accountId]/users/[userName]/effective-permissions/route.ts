import { z } from "zod";
import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { getEffectivePermissions } from "@/lib/data/get-effective-permissions";
import { userName } from "@/lib/schemas/common";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

const params = z.object({ userName });

export const GET = route(async ({ params: raw }) =>
  getEffectivePermissions("user", raw.accountId, params.parse(raw).userName),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
