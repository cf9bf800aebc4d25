import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteLoginProfile } from "@/lib/data/delete-login-profile";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { loginProfileBody } from "@/lib/schemas/credentials";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

export const PUT = route(async ({ params, body }) => putLoginProfile(params.accountId, params.userName, body), {
  body: loginProfileBody,
});

export const DELETE = route(async ({ params }) => deleteLoginProfile(params.accountId, params.userName), {
  status: 204,
});

export const { GET, HEAD, POST, PATCH } = methodsNotAllowed({ PUT, DELETE });
