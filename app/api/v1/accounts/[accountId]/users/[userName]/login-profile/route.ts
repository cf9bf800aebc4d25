import { apiRoutes, methodsNotAllowed, readJson } from "@/lib/api/route";
import { deleteLoginProfile } from "@/lib/data/delete-login-profile";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { loginProfileBody } from "@/lib/schemas/credentials";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

export const PUT = route(async ({ req, params }) =>
  putLoginProfile(params.accountId, params.userName, await readJson(req, loginProfileBody)),
);

export const DELETE = route(async ({ params }) => deleteLoginProfile(params.accountId, params.userName), {
  status: 204,
});

export const { GET, HEAD, POST, PATCH } = methodsNotAllowed({ PUT, DELETE });
