import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { getEffectivePermissions } from "@/lib/data/get-effective-permissions";
import { roleName } from "@/lib/schemas/common";

type Params = { accountId: string; roleName: string };

const params = z.object({ roleName });

export const GET = apiRoute<Params>(async ({ params: raw }) =>
  getEffectivePermissions("role", raw.accountId, params.parse(raw).roleName),
);
