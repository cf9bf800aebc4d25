import "server-only";
import { db } from "@/lib/db";
import { findUserOrThrow, nameKey } from "@/lib/data/lookup";
import { noSuchEntity } from "@/lib/errors";
import { readUser } from "@/lib/data/user-shape";
import type { User } from "@/lib/schemas/user";

/** GetUser: the user with tags, boundary and password state (never the password hash). */
export async function getUser(accountId: string, userName: string): Promise<User> {
  const user = await findUserOrThrow(db(), accountId, userName);
  return readUser(db(), user.id);
}

/** What IAM's GetUser answers of a user: no counts (the console's page needs those; AWS's API does not). */
export interface UserRecord {
  userName: string;
  userId: string;
  path: string;
  arn: string;
  createdAt: Date;
  passwordLastUsedAt: Date | null;
  permissionsBoundary: { arn: string } | null;
  tags: { key: string; value: string }[];
}

/**
 * GetUser as the AWS endpoint answers it, in one read of the user with its boundary and tags
 * (getUser adds the console's counts in three more queries). NoSuchEntity in getUser's words.
 */
export async function getUserRecord(accountId: string, userName: string): Promise<UserRecord> {
  const user = await findUserRecord(accountId, userName);
  if (!user) {
    await findUserOrThrow(db(), accountId, userName);
    throw noSuchEntity(`User "${userName}" does not exist in account ${accountId}.`, "userName");
  }
  return user;
}

/** The same read, null when there is no such user. */
export async function findUserRecord(accountId: string, userName: string): Promise<UserRecord | null> {
  const user = await db().user.findUnique({
    where: { accountId_nameLower: { accountId, nameLower: nameKey(userName) } },
    select: {
      id: true,
      name: true,
      path: true,
      arn: true,
      createdAt: true,
      passwordLastUsedAt: true,
      boundary: { select: { arn: true } },
      tags: { select: { key: true, value: true }, orderBy: { keyLower: "asc" } },
    },
  });
  if (!user) return null;
  return { userName: user.name, userId: user.id, path: user.path, arn: user.arn, createdAt: user.createdAt, passwordLastUsedAt: user.passwordLastUsedAt, permissionsBoundary: user.boundary, tags: user.tags };
}
