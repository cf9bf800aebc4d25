import { apiRoute, readJson } from "@/lib/api/route";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { listPolicyVersions } from "@/lib/data/list-policy-versions";
import { createPolicyVersionInput } from "@/lib/schemas/policy";

type Params = { accountId: string; policyName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: await listPolicyVersions(params.accountId, params.policyName),
}));

export const POST = apiRoute<Params>(
  async ({ req, params }) =>
    createPolicyVersion(params.accountId, params.policyName, await readJson(req, createPolicyVersionInput)),
  { status: 201 },
);
