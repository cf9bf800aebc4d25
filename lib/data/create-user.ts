import "server-only";
import { userArn } from "@/lib/arn";
import { alreadyExists } from "@/lib/errors";
import { newUniqueId } from "@/lib/ids";
import { findBoundaryPolicyOrThrow } from "@/lib/data/boundary-policy";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { readUser } from "@/lib/data/user-shape";
import { write } from "@/lib/data/write";
import type { CreateUserInput, User } from "@/lib/schemas/user";

/** CreateUser, with its tags and optional permissions boundary, in one transaction. */
export function createUser(accountId: string, input: CreateUserInput): Promise<User> {
  return write(async (tx, log) => {
    await findAccountOrThrow(tx, accountId);
    const nameLower = input.userName.toLowerCase();
    const existing = await tx.user.findUnique({
      where: { accountId_nameLower: { accountId, nameLower } },
      select: { name: true },
    });
    if (existing) {
      throw alreadyExists(
        `A user named ${existing.name} already exists in account ${accountId}.`,
        "userName",
      );
    }
    const boundary = input.permissionsBoundaryArn
      ? await findBoundaryPolicyOrThrow(tx, accountId, input.permissionsBoundaryArn, "permissionsBoundaryArn")
      : null;
    const arn = userArn(accountId, input.path, input.userName);
    const user = await tx.user.create({
      data: {
        id: newUniqueId("AIDA"),
        accountId,
        name: input.userName,
        nameLower,
        path: input.path,
        arn,
        boundaryPolicyId: boundary?.id ?? null,
        tags: {
          create: input.tags.map((t) => ({ key: t.key, keyLower: t.key.toLowerCase(), value: t.value })),
        },
      },
      select: { id: true },
    });
    const extras = [
      input.tags.length > 0 ? `${input.tags.length} tag(s)` : "",
      boundary ? `permissions boundary ${boundary.name}` : "",
    ].filter(Boolean);
    log({
      accountId,
      action: "CreateUser",
      targetArn: arn,
      summary: `Created user ${input.userName}${extras.length ? ` with ${extras.join(" and ")}` : ""}.`,
    });
    return readUser(tx, user.id);
  });
}
