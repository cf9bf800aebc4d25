import { deleteMfaDeviceOperations } from "@/lib/api/mfa-operations";
import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteMfaDevice } from "@/lib/data/delete-mfa-device";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName", "deviceName"));

// DeactivateMFADevice (an enabled device) and DeleteVirtualMFADevice; an unfinished device is only deleted.
export const DELETE = route(async ({ params }) => deleteMfaDevice(params.accountId, params.userName, params.deviceName), {
  status: 204,
  authorize: ({ params }) => deleteMfaDeviceOperations(params),
});

export const { GET, HEAD, POST, PUT, PATCH } = methodsNotAllowed({ DELETE });
