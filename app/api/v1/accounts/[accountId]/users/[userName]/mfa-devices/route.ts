import { apiRoute, readJson } from "@/lib/api/route";
import { createMfaDevice } from "@/lib/data/create-mfa-device";
import { listMfaDevices } from "@/lib/data/list-mfa-devices";
import { mfaDeviceBody } from "@/lib/schemas/credentials";

type Params = { accountId: string; userName: string };

export const GET = apiRoute<Params>(async ({ params }) => ({
  items: await listMfaDevices(params.accountId, params.userName),
}));

export const POST = apiRoute<Params>(
  async ({ req, params }) => {
    const { deviceName } = await readJson(req, mfaDeviceBody);
    return createMfaDevice(params.accountId, params.userName, deviceName);
  },
  { status: 201 },
);
