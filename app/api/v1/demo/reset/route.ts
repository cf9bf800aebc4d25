import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { op, organizationsAccountArn } from "@/lib/api/operations";
import { resetDemo } from "@/lib/data/reset-demo";
import { DEMO_ACCOUNT_IDS, MANAGEMENT } from "@/prisma/seed/demo-accounts";

// POST: restores the demo accounts to exactly what a fresh seed writes, in one transaction;
// every other account is left as it is. No body.
// AWS has no such operation. What the reset does to each demo member account is what the
// management account does when it closes an account and creates it again, so it is declared as
// those two Organizations operations, made to the demo's management account: only its principals
// allowed both (org-admin, its root) may reset, and no principal of a member account can.
const MEMBERS = DEMO_ACCOUNT_IDS.filter((id) => id !== MANAGEMENT);

// The session that asks stays signed in; every other session in the demo accounts ends.
export const POST = apiRoute(async ({ caller }) => resetDemo({ keepSession: caller.identity.sessionIdHash }), {
  authorize: () => [
    ...MEMBERS.map((id) => op(MANAGEMENT, "organizations:CloseAccount", organizationsAccountArn(MANAGEMENT, id))),
    op(MANAGEMENT, "organizations:CreateAccount", "*"),
  ],
});

export const { GET, HEAD, PUT, PATCH, DELETE } = methodsNotAllowed({ POST });
