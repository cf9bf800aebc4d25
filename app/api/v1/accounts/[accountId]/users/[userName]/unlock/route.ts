import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { onUser } from "@/lib/api/operations";
import { unlockUserSignIn } from "@/lib/auth/revoke-sessions";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

// An administrator lifts a sign-in lockout (20 failed sign-ins in 15 minutes: lib/auth/throttle.ts)
// and forgets the user's failures. AWS has no lockout, so no API for it either; like revoking the
// user's sessions it is decided as iam:UpdateLoginProfile on the user, the console sign-in's operation.
export const POST = route(async ({ params }) => unlockUserSignIn(params.accountId, params.userName), {
  authorize: ({ params }) => onUser(params, "iam:UpdateLoginProfile"),
});

export const { GET, HEAD, PUT, PATCH, DELETE } = methodsNotAllowed({ POST });
