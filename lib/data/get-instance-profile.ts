import "server-only";
import { db } from "@/lib/db";
import { findInstanceProfileOrThrow, readInstanceProfile } from "@/lib/data/instance-profile-shape";
import type { InstanceProfile } from "@/lib/schemas/instance-profile";

/** GetInstanceProfile, with the role it holds. https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetInstanceProfile.html */
export async function getInstanceProfile(accountId: string, instanceProfileName: string): Promise<InstanceProfile> {
  const profile = await findInstanceProfileOrThrow(db(), accountId, instanceProfileName);
  return readInstanceProfile(db(), profile.id);
}
