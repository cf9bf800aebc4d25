import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { attachPolicy } from "@/lib/data/attach-policy";
import { detachPolicy } from "@/lib/data/detach-policy";
import { listAttachedPolicies } from "@/lib/data/list-attached-policies";
import { policyArnInput } from "@/lib/schemas/policy";

type Params = { accountId: string; groupName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: await listAttachedPolicies("group", params.accountId, params.groupName),
}));

export const POST = apiRoute<Params>(async ({ req, params }) =>
  attachPolicy("group", params.accountId, params.groupName, (await readJson(req, policyArnInput)).policyArn),
);

export const DELETE = apiRoute<Params>(
  async ({ req, params }) =>
    detachPolicy("group", params.accountId, params.groupName, readQuery(req, policyArnInput).policyArn),
  { status: 204 },
);
