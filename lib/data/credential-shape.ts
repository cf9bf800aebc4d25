import "server-only";
import type { AccessKey, AccessKeyStatus, MfaDevice } from "@/lib/schemas/credentials";

interface AccessKeyRow {
  id: string;
  status: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const asStatus = (status: string): AccessKeyStatus => (status === "Inactive" ? "Inactive" : "Active");

/** The key as the API shows it; the secret hash never leaves lib/data. */
export function toAccessKey(row: AccessKeyRow): AccessKey {
  return {
    accessKeyId: row.id,
    status: asStatus(row.status),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export const accessKeySelect = { id: true, status: true, createdAt: true, lastUsedAt: true } as const;

interface MfaDeviceRow {
  arn: string;
  name: string;
  enabledAt: Date | null;
  createdAt: Date;
}

export function toMfaDevice(row: MfaDeviceRow): MfaDevice {
  return { serialNumber: row.arn, name: row.name, enabledAt: (row.enabledAt ?? row.createdAt).toISOString() };
}

export const mfaDeviceSelect = { arn: true, name: true, enabledAt: true, createdAt: true } as const;
