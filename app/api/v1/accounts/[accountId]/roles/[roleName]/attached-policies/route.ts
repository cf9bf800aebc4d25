import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { attachPolicy } from "@/lib/data/attach-policy";
import { detachPolicy } from "@/lib/data/detach-policy";
import { listAttachedPolicies } from "@/lib/data/list-attached-policies";
import { policyArnInput } from "@/lib/schemas/policy";

type Params = { accountId: string; roleName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: await listAttachedPolicies("role", params.accountId, params.roleName),
}));

export const POST = apiRoute<Params>(async ({ req, params }) =>
  attachPolicy("role", params.accountId, params.roleName, (await readJson(req, policyArnInput)).policyArn),
);

export const DELETE = apiRoute<Params>(
  async ({ req, params }) =>
    detachPolicy("role", params.accountId, params.roleName, readQuery(req, policyArnInput).policyArn),
  { status: 204 },
);
