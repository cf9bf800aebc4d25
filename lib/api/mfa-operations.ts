import "server-only";
import { mfaDeviceArn } from "@/lib/arn";
import type { Operation } from "@/lib/auth/authorize";
import { onUser, op } from "@/lib/api/operations";
import { db } from "@/lib/db";

/**
 * The doors of a user's virtual MFA device routes, as the Service Authorization Reference has the
 * actions: CreateVirtualMFADevice and DeleteVirtualMFADevice on the device (resource type mfa),
 * EnableMFADevice, DeactivateMFADevice and ListMFADevices on the user.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */

interface DeviceParams {
  accountId: string;
  userName: string;
  deviceName: string;
}

/** The user's device as stored (its ARN's spelling, whether it is enabled); null when there is none. */
async function storedDevice({ accountId, userName, deviceName }: DeviceParams) {
  return db().mfaDevice.findFirst({
    where: { accountId, nameLower: deviceName.toLowerCase(), user: { accountId, nameLower: userName.toLowerCase() } },
    select: { arn: true, enabledAt: true },
  });
}

export const createMfaDeviceOperation = (params: { accountId: string }, deviceName: string): Operation =>
  op(params.accountId, "iam:CreateVirtualMFADevice", mfaDeviceArn(params.accountId, deviceName));

/** Removing a device: DeactivateMFADevice on the user first when it is enabled, then DeleteVirtualMFADevice. */
export async function deleteMfaDeviceOperations(params: DeviceParams): Promise<Operation[]> {
  const device = await storedDevice(params);
  const remove = op(params.accountId, "iam:DeleteVirtualMFADevice", device?.arn ?? mfaDeviceArn(params.accountId, params.deviceName));
  return device?.enabledAt ? [await onUser(params, "iam:DeactivateMFADevice"), remove] : [remove];
}
