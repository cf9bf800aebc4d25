import "server-only";
import { db } from "@/lib/db";
import { mfaDeviceSelect, toMfaDevice } from "@/lib/data/credential-shape";
import { findUserOrThrow } from "@/lib/data/lookup";
import type { MfaDevice } from "@/lib/schemas/credentials";

/**
 * ListMFADevices for the user: the enabled devices, and the unfinished ones (created, not yet
 * enabled: enabledAt null), so the console can finish or delete them.
 */
export async function listMfaDevices(accountId: string, userName: string): Promise<MfaDevice[]> {
  const user = await findUserOrThrow(db(), accountId, userName);
  const rows = await db().mfaDevice.findMany({
    where: { userId: user.id },
    select: mfaDeviceSelect,
    orderBy: { nameLower: "asc" },
  });
  return rows.map(toMfaDevice);
}
