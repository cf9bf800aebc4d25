import { apiRoute, readJson } from "@/lib/api/route";
import { setDefaultPolicyVersion } from "@/lib/data/set-default-policy-version";
import { setDefaultPolicyVersionInput } from "@/lib/schemas/policy";

type Params = { accountId: string; policyName: string };

export const PUT = apiRoute<Params>(async ({ req, params }) =>
  setDefaultPolicyVersion(params.accountId, params.policyName, (await readJson(req, setDefaultPolicyVersionInput)).versionId),
);
