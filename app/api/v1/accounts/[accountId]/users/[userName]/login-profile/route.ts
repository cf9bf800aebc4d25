import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteLoginProfile } from "@/lib/data/delete-login-profile";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { loginProfileBody } from "@/lib/schemas/credentials";
import { pathParams } from "@/lib/schemas/params";
import { loginProfileAction, onUser } from "@/lib/api/operations";

const route = apiRoutes(pathParams("accountId", "userName"));

export const PUT = route(async ({ params, body }) => putLoginProfile(params.accountId, params.userName, body), {
  body: loginProfileBody,
  // CreateLoginProfile when the user has no console password yet, else UpdateLoginProfile.
  authorize: async ({ params }) => onUser(params, await loginProfileAction(params.accountId, params.userName)),
});

export const DELETE = route(async ({ params }) => deleteLoginProfile(params.accountId, params.userName), {
  status: 204,
  authorize: ({ params }) => onUser(params, "iam:DeleteLoginProfile"),
});

export const { GET, HEAD, POST, PATCH } = methodsNotAllowed({ PUT, DELETE });
