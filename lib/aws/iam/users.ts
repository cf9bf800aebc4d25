import "server-only";
import { z } from "@/lib/schemas/zod";
import { iamPath, policyArn, userName } from "@/lib/schemas/common";
import { userArn } from "@/lib/arn";
import { op, requestTagContext, resourceTags } from "@/lib/api/operations";
import { createUser } from "@/lib/data/create-user";
import { findUserRecord, getUserRecord, type UserRecord } from "@/lib/data/get-user";
import { listUserRows } from "@/lib/data/list-user-rows";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { subjectName } from "@/lib/aws/iam/credential-caller";
import { awsTags, pagingFields, pathPrefix } from "@/lib/aws/inputs";
import { page, paging } from "@/lib/aws/paging";
import { boundaryOut, tagsOut, when } from "@/lib/aws/shapes";
import type { User } from "@/lib/schemas/user";
import { userChangeOperations } from "@/lib/aws/iam/user-changes";
import { userTagOperations } from "@/lib/aws/iam/user-tags";

/**
 * IAM's user operations (IAM API Reference: CreateUser, GetUser, ListUsers, …), each authorized
 * as the console's users routes authorize the same call and done by the same lib/data function.
 * UpdateUser, DeleteUser and the boundary are in user-changes.ts, the tags in user-tags.ts; this
 * file's list is the one the registry imports.
 */

/** The User data type: GetUser and CreateUser answer it with tags and boundary. */
export const userOut = (user: User | UserRecord) => ({
  Path: user.path,
  UserName: user.userName,
  UserId: user.userId,
  Arn: user.arn,
  CreateDate: when(user.createdAt),
  PasswordLastUsed: when(user.passwordLastUsedAt),
  PermissionsBoundary: boundaryOut(user.permissionsBoundary),
  Tags: user.tags.length > 0 ? tagsOut(user.tags) : undefined,
});

const createUserOperation = awsOperation({
  service: "iam",
  action: "CreateUser",
  input: z.object({ UserName: userName, Path: iamPath, Tags: awsTags.optional(), PermissionsBoundary: policyArn.optional() }),
  authorize: (input, caller) =>
    op(accountOf(caller), "iam:CreateUser", userArn(accountOf(caller), input.Path, input.UserName), {
      ...requestTagContext(input.Tags),
      ...(input.PermissionsBoundary ? { "iam:PermissionsBoundary": input.PermissionsBoundary } : {}),
    }),
  run: async (input, caller) => {
    const user = await createUser(accountOf(caller), { userName: input.UserName, path: input.Path, tags: input.Tags ?? [], permissionsBoundaryArn: input.PermissionsBoundary });
    return { User: userOut(user) };
  },
});

/**
 * GetUser's user as its authorization read it (the ARN needs its path): one read serves both, so
 * the answer is the record the engine decided on. Keyed by the request's parsed input.
 */
const readForRequest = new WeakMap<object, UserRecord>();

const getUserOperation = awsOperation({
  service: "iam",
  action: "GetUser",
  readOnly: true,
  input: z.object({ UserName: userName.optional() }),
  authorize: async (input, caller) => {
    const name = subjectName(input.UserName, caller);
    const account = accountOf(caller);
    if (name === null) return op(account, "iam:GetUser", `arn:aws:iam::${account}:root`);
    const found = await findUserRecord(account, name);
    if (found) readForRequest.set(input, found);
    // As the console's GET of a user (onUser): its ARN with its path and its tags as resource keys;
    // a user that does not exist is named with the path "/" (NoSuchEntity only once allowed).
    return op(account, "iam:GetUser", found?.arn ?? userArn(account, "/", name), resourceTags(found?.tags ?? [], true));
  },
  run: async (input, caller) => {
    const name = subjectName(input.UserName, caller);
    if (name === null) {
      // The root user: IAM answers the account's root as a User without a name of its own.
      const account = accountOf(caller);
      return { User: { UserId: account, Arn: `arn:aws:iam::${account}:root`, CreateDate: new Date(0) } };
    }
    return { User: userOut(readForRequest.get(input) ?? (await getUserRecord(accountOf(caller), name))) };
  },
});

const listUsersOperation = awsOperation({
  service: "iam",
  action: "ListUsers",
  readOnly: true,
  input: z.object({ PathPrefix: pathPrefix, ...pagingFields }),
  // ListUsers has no resource type in the Service Authorization Reference: its resource is "*".
  authorize: (_input, caller) => op(accountOf(caller), "iam:ListUsers", "*"),
  run: async (input, caller) => {
    const paged = paging(input);
    const rows = await listUserRows(accountOf(caller), { pathPrefix: input.PathPrefix, after: paged.after, take: paged.take + 1 });
    const { items, IsTruncated, Marker } = page(rows, paged, (row) => row.nameLower);
    return {
      Users: items.map((row) => ({ Path: row.path, UserName: row.name, UserId: row.id, Arn: row.arn, CreateDate: row.createdAt, PasswordLastUsed: row.passwordLastUsedAt ?? undefined })),
      IsTruncated,
      Marker,
    };
  },
});

export const userOperations: SomeAwsOperation[] = [createUserOperation, getUserOperation, listUsersOperation, ...userChangeOperations, ...userTagOperations];
