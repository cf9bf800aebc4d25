import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteMfaDevice } from "@/lib/data/delete-mfa-device";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName", "deviceName"));

export const DELETE = route(
  async ({ params }) => deleteMfaDevice(params.accountId, params.userName, params.deviceName),
  { status: 204 },
);

export const { GET, HEAD, POST, PUT, PATCH } = methodsNotAllowed({ DELETE });
