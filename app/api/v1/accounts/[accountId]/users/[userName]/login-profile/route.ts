import { apiRoute, readJson } from "@/lib/api/route";
import { deleteLoginProfile } from "@/lib/data/delete-login-profile";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { loginProfileBody } from "@/lib/schemas/credentials";

type Params = { accountId: string; userName: string };

export const PUT = apiRoute<Params>(async ({ req, params }) =>
  putLoginProfile(params.accountId, params.userName, await readJson(req, loginProfileBody)),
);

export const DELETE = apiRoute<Params>(async ({ params }) => deleteLoginProfile(params.accountId, params.userName), {
  status: 204,
});
