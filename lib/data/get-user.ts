import "server-only";
import { db } from "@/lib/db";
import { findUserOrThrow } from "@/lib/data/lookup";
import { readUser } from "@/lib/data/user-shape";
import type { User } from "@/lib/schemas/user";

/** GetUser: the user with tags, boundary and password state (never the password hash). */
export async function getUser(accountId: string, userName: string): Promise<User> {
  const user = await findUserOrThrow(db(), accountId, userName);
  return readUser(db(), user.id);
}
