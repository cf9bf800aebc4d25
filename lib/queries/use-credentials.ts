"use client";

import { useQuery } from "@tanstack/react-query";
import { api, seg } from "./api";
import { keys } from "./keys";
import { getItems } from "./list";
import type { AccessKey, AccessKeyStatus, MfaDevice, NewAccessKey, NewVirtualMfaDevice } from "./types";
import { useAccountMutation } from "./use-mutation";

const user = (accountId: string, userName: string) => `/accounts/${seg(accountId)}/users/${seg(userName)}`;

export function usePutLoginProfile(accountId: string, userName: string) {
  return useAccountMutation(accountId, (input: { password: string; passwordResetRequired: boolean }) =>
    api<void>(`${user(accountId, userName)}/login-profile`, "PUT", input),
  );
}

export function useDeleteLoginProfile(accountId: string, userName: string) {
  return useAccountMutation(accountId, () => api<void>(`${user(accountId, userName)}/login-profile`, "DELETE"));
}

/** An administrator ends every console session of the user. */
export function useRevokeSessions(accountId: string, userName: string) {
  return useAccountMutation(accountId, () => api<{ userName: string; sessionsEnded: number }>(`${user(accountId, userName)}/sessions`, "DELETE"));
}

/** An administrator lifts a sign-in lockout and forgets the user's failed sign-ins. */
export function useUnlockSignIn(accountId: string, userName: string) {
  return useAccountMutation(accountId, () => api<{ userName: string; wasLocked: boolean }>(`${user(accountId, userName)}/unlock`, "POST"));
}

export function useAccessKeys(accountId: string, userName: string, enabled = true) {
  return useQuery({
    queryKey: keys.sub(accountId, "users", userName, "access-keys"),
    queryFn: () => getItems<AccessKey>(`${user(accountId, userName)}/access-keys`),
    enabled,
  });
}

/** The answer carries the secret; the caller shows it once and the cache never keeps it. */
export function useCreateAccessKey(accountId: string, userName: string) {
  return useAccountMutation(accountId, () => api<NewAccessKey>(`${user(accountId, userName)}/access-keys`, "POST"));
}

export function useUpdateAccessKey(accountId: string, userName: string) {
  return useAccountMutation(accountId, (input: { accessKeyId: string; status: AccessKeyStatus }) =>
    api<void>(`${user(accountId, userName)}/access-keys/${seg(input.accessKeyId)}`, "PATCH", { status: input.status }),
  );
}

export function useDeleteAccessKey(accountId: string, userName: string) {
  return useAccountMutation(accountId, (accessKeyId: string) =>
    api<void>(`${user(accountId, userName)}/access-keys/${seg(accessKeyId)}`, "DELETE"),
  );
}

export function useMfaDevices(accountId: string, userName: string, enabled = true) {
  return useQuery({
    queryKey: keys.sub(accountId, "users", userName, "mfa-devices"),
    queryFn: () => getItems<MfaDevice>(`${user(accountId, userName)}/mfa-devices`),
    enabled,
  });
}

/** CreateVirtualMFADevice: the answer carries the seed; the caller shows it once and the cache never keeps it. */
export function useCreateMfaDevice(accountId: string, userName: string) {
  return useAccountMutation(accountId, (deviceName: string) =>
    api<NewVirtualMfaDevice>(`${user(accountId, userName)}/mfa-devices`, "POST", { deviceName }),
  );
}

/** EnableMFADevice with two consecutive codes. */
export function useEnableMfaDevice(accountId: string, userName: string) {
  return useAccountMutation(accountId, (input: { deviceName: string; authenticationCode1: string; authenticationCode2: string }) =>
    api<MfaDevice>(`${user(accountId, userName)}/mfa-devices/${seg(input.deviceName)}/enable`, "POST", {
      authenticationCode1: input.authenticationCode1,
      authenticationCode2: input.authenticationCode2,
    }),
  );
}

export function useDeleteMfaDevice(accountId: string, userName: string) {
  return useAccountMutation(accountId, (deviceName: string) =>
    api<void>(`${user(accountId, userName)}/mfa-devices/${seg(deviceName)}`, "DELETE"),
  );
}
