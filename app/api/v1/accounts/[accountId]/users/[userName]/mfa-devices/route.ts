import { createMfaDeviceOperation } from "@/lib/api/mfa-operations";
import { onUser } from "@/lib/api/operations";
import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createMfaDevice } from "@/lib/data/create-mfa-device";
import { listMfaDevices } from "@/lib/data/list-mfa-devices";
import { mfaDeviceBody } from "@/lib/schemas/credentials";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

// ListMFADevices: the user's enabled devices and the unfinished ones.
export const GET = route(async ({ params }) => ({ items: await listMfaDevices(params.accountId, params.userName) }), {
  authorize: ({ params }) => onUser(params, "iam:ListMFADevices"),
});

// CreateVirtualMFADevice: answers the seed once (base32, otpauth:// URI, QR code); it is not enabled yet.
export const POST = route(async ({ params, body }) => createMfaDevice(params.accountId, params.userName, body.deviceName), {
  body: mfaDeviceBody,
  status: 201,
  authorize: ({ params, body }) => createMfaDeviceOperation(params, body.deviceName),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
