import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createMfaDevice } from "@/lib/data/create-mfa-device";
import { listMfaDevices } from "@/lib/data/list-mfa-devices";
import { mfaDeviceBody } from "@/lib/schemas/credentials";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

export const GET = route(async ({ params }) => ({
  items: await listMfaDevices(params.accountId, params.userName),
}));

export const POST = route(async ({ params, body }) => createMfaDevice(params.accountId, params.userName, body.deviceName), {
  body: mfaDeviceBody,
  status: 201,
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
