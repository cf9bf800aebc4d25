import { onUser } from "@/lib/api/operations";
import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { enableMfaDevice } from "@/lib/data/enable-mfa-device";
import { enableMfaDeviceBody } from "@/lib/schemas/credentials";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName", "deviceName"));

// EnableMFADevice: two consecutive codes of the unfinished device enable it for the user.
export const POST = route(async ({ params, body }) => enableMfaDevice(params.accountId, params.userName, params.deviceName, body), {
  body: enableMfaDeviceBody,
  authorize: ({ params }) => onUser(params, "iam:EnableMFADevice"),
});

export const { GET, HEAD, PUT, PATCH, DELETE } = methodsNotAllowed({ POST });
