import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { getEffectivePermissions } from "@/lib/data/get-effective-permissions";
import { groupName } from "@/lib/schemas/common";

type Params = { accountId: string; groupName: string };

const params = z.object({ groupName });

export const GET = apiRoute<Params>(async ({ params: raw }) =>
  getEffectivePermissions("group", raw.accountId, params.parse(raw).groupName),
);
