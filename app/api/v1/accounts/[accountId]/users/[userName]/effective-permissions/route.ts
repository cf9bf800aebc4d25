import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { getEffectivePermissions } from "@/lib/data/get-effective-permissions";
import { userName } from "@/lib/schemas/common";

type Params = { accountId: string; userName: string };

const params = z.object({ userName });

export const GET = apiRoute<Params>(async ({ params: raw }) =>
  getEffectivePermissions("user", raw.accountId, params.parse(raw).userName),
);
