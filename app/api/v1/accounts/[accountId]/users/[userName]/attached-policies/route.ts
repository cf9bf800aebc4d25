import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { attachPolicy } from "@/lib/data/attach-policy";
import { detachPolicy } from "@/lib/data/detach-policy";
import { listAttachedPolicies } from "@/lib/data/list-attached-policies";
import { policyArnInput } from "@/lib/schemas/policy";

type Params = { accountId: string; userName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: await listAttachedPolicies("user", params.accountId, params.userName),
}));

export const POST = apiRoute<Params>(async ({ req, params }) =>
  attachPolicy("user", params.accountId, params.userName, (await readJson(req, policyArnInput)).policyArn),
);

export const DELETE = apiRoute<Params>(
  async ({ req, params }) =>
    detachPolicy("user", params.accountId, params.userName, readQuery(req, policyArnInput).policyArn),
  { status: 204 },
);
