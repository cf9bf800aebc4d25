import "server-only";
import type { AccessKey, AccessKeyStatus, MfaDevice } from "@/lib/schemas/credentials";

interface AccessKeyRow {
  id: string;
  status: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedService: string | null;
  lastUsedRegion: string | null;
  sealedSecret: string | null;
}

const asStatus = (status: string): AccessKeyStatus => (status === "Inactive" ? "Inactive" : "Active");

/**
 * The key as the API shows it, with its last use (GetAccessKeyLastUsed: when, which service, which
 * region). Neither the secret's hash nor its sealed form leaves lib/data: only whether there is a
 * sealed secret, since keys created before secrets were sealed cannot sign requests.
 */
export function toAccessKey(row: AccessKeyRow): AccessKey {
  return {
    accessKeyId: row.id,
    status: asStatus(row.status),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedService: row.lastUsedAt ? row.lastUsedService : null,
    lastUsedRegion: row.lastUsedAt ? row.lastUsedRegion : null,
    canSign: row.sealedSecret !== null,
  };
}

export const accessKeySelect = { id: true, status: true, createdAt: true, lastUsedAt: true, lastUsedService: true, lastUsedRegion: true, sealedSecret: true } as const;

interface MfaDeviceRow {
  arn: string;
  name: string;
  enabledAt: Date | null;
  createdAt: Date;
}

export function toMfaDevice(row: MfaDeviceRow): MfaDevice {
  return { serialNumber: row.arn, name: row.name, createdAt: row.createdAt.toISOString(), enabledAt: row.enabledAt?.toISOString() ?? null };
}

export const mfaDeviceSelect = { arn: true, name: true, enabledAt: true, createdAt: true } as const;
