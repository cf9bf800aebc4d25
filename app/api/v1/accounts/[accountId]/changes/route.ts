import { apiRoute, readQuery } from "@/lib/api/route";
import { listChanges } from "@/lib/data/list-changes";
import { listChangesQuery } from "@/lib/schemas/account";

export const GET = apiRoute<{ accountId: string }>(async ({ req, params }) =>
  listChanges(params.accountId, readQuery(req, listChangesQuery)),
);
