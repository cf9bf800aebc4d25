import { apiRoute } from "@/lib/api/route";
import { createAccessKey } from "@/lib/data/create-access-key";
import { listAccessKeys } from "@/lib/data/list-access-keys";

type Params = { accountId: string; userName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: await listAccessKeys(params.accountId, params.userName),
}));

export const POST = apiRoute<Params>(async ({ params }) => createAccessKey(params.accountId, params.userName), {
  status: 201,
});
