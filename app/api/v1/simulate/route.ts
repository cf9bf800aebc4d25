import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { op, principalTarget } from "@/lib/api/operations";
import { isOwnPrincipal } from "@/lib/auth/own-principal";
import { simulatePrincipal } from "@/lib/data/simulate-principal";
import { simulateBody } from "@/lib/schemas/simulation";

// POST: evaluates actions × resources as a stored principal or a sandbox of pasted policies.
// A POST because a simulation carries policy documents; nothing is written.
// As IAM's policy simulator authorizes it: a stored principal is SimulatePrincipalPolicy on that
// user or role, in its account; pasted policies are SimulateCustomPolicy (no resource type: "*")
// in the caller's own account.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html#permissions-required_policy-simulator-api
export const POST = apiRoute(async ({ body, caller }) => simulatePrincipal(body, caller.identity.accountId), {
  body: simulateBody,
  authorize: async ({ body, identity }) => {
    if (!body.principal) return op(identity.accountId, "iam:SimulateCustomPolicy", "*");
    // The caller's own request (the "Why?" of a deny it met) needs no permission: lib/auth/own-principal.ts.
    if (isOwnPrincipal(identity, body.principal)) return [];
    const { accountId, type, name } = body.principal;
    const target = await principalTarget(type, accountId, name);
    return op(accountId, "iam:SimulatePrincipalPolicy", target.arn, target.resourceContext);
  },
});

export const { GET, HEAD, PUT, PATCH, DELETE } = methodsNotAllowed({ POST });
