import { apiRoute } from "@/lib/api/route";
import { deleteMfaDevice } from "@/lib/data/delete-mfa-device";

export const DELETE = apiRoute<{ accountId: string; userName: string; deviceName: string }>(
  async ({ params }) => deleteMfaDevice(params.accountId, params.userName, params.deviceName),
  { status: 204 },
);
