import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { sessionView } from "@/lib/auth/session-view";
import { changePasswordBody } from "@/lib/schemas/session";

// The signed-in principal changes its own password: ChangePassword for an IAM user (the engine
// decides iam:ChangePassword on the user's own ARN, or the account's password policy grants it:
// lib/auth/change-password.ts), the root user's own password for root. Answered during a forced
// password change, which it ends; answers the session as GET /api/v1/session does.

export const POST = apiRoute(
  async ({ caller, body }) => {
    await changeOwnPassword(caller, body);
    return sessionView(caller.identity);
  },
  { access: "signed-in", duringPasswordReset: true, body: changePasswordBody },
);

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed({ POST });
