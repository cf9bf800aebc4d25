import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { onUser } from "@/lib/api/operations";
import { revokeUserSessions } from "@/lib/auth/revoke-sessions";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

// An administrator ends every console session of a user. AWS has no API for an IAM user's console
// sessions; the nearest operation is UpdateLoginProfile, which governs the user's console sign-in
// (an administrator who may reset the password may as well end the sessions it opened), so the
// door decides iam:UpdateLoginProfile on the user.
export const DELETE = route(async ({ params }) => revokeUserSessions(params.accountId, params.userName), {
  authorize: ({ params }) => onUser(params, "iam:UpdateLoginProfile"),
});

export const { GET, HEAD, POST, PUT, PATCH } = methodsNotAllowed({ DELETE });
