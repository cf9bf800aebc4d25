import { apiRoute } from "@/lib/api/route";
import { deletePolicyVersion } from "@/lib/data/delete-policy-version";
import { getPolicyVersion } from "@/lib/data/get-policy-version";

type Params = { accountId: string; policyName: string; versionId: string };

export const GET = apiRoute<Params>(async ({ params }) =>
  getPolicyVersion(params.accountId, params.policyName, params.versionId),
);

export const DELETE = apiRoute<Params>(
  async ({ params }) => deletePolicyVersion(params.accountId, params.policyName, params.versionId),
  { status: 204 },
);
