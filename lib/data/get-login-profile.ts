import "server-only";
import { db } from "@/lib/db";
import { noSuchEntity } from "@/lib/errors";
import { findUserOrThrow } from "@/lib/data/lookup";
import type { LoginProfile } from "@/lib/schemas/credentials";

/**
 * GetLoginProfile: the user's console password's facts (never the password): when it was set and
 * whether it must be reset at the next sign-in. A user without one is AWS's NoSuchEntity, in its
 * words. The console keeps when the password was last set; that is the profile's date.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html
 */
export async function getLoginProfile(accountId: string, userName: string): Promise<LoginProfile> {
  const user = await findUserOrThrow(db(), accountId, userName);
  if (user.passwordHash === null) throw noLoginProfile(user.name);
  return { userName: user.name, passwordSetAt: (user.passwordSetAt ?? user.createdAt).toISOString(), passwordResetRequired: user.passwordResetRequired };
}

/** AWS's words for a user without a console password. */
export const noLoginProfile = (userName: string) => noSuchEntity(`Login Profile for User ${userName} cannot be found.`, "userName");
