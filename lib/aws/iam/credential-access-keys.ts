import "server-only";
import { z } from "@/lib/schemas/zod";
import { userName } from "@/lib/schemas/common";
import { ACCESS_KEY_STATUSES, type AccessKey } from "@/lib/schemas/credentials";
import { accountRootArn } from "@/lib/arn";
import { onUser, op, principalTarget } from "@/lib/api/operations";
import { createAccessKey } from "@/lib/data/create-access-key";
import { createRootAccessKey } from "@/lib/data/create-root-access-key";
import { deleteAccessKey } from "@/lib/data/delete-access-key";
import { findOwnedAccessKey, getAccessKeyLastUsed } from "@/lib/data/get-access-key-last-used";
import { listAccessKeys } from "@/lib/data/list-access-keys";
import { deleteRootAccessKey, listRootAccessKeys, updateRootAccessKey } from "@/lib/data/root-access-keys";
import { updateAccessKey } from "@/lib/data/update-access-key";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { pagingFields } from "@/lib/aws/inputs";
import { pageOfAll, paging } from "@/lib/aws/paging";
import { when } from "@/lib/aws/shapes";
import { onSubject, subjectName } from "@/lib/aws/iam/credential-caller";

/**
 * IAM's access key operations (IAM API Reference: CreateAccessKey, UpdateAccessKey,
 * DeleteAccessKey, ListAccessKeys, GetAccessKeyLastUsed), authorized on the user as the console's
 * access-keys routes are and done by the same lib/data functions. Without UserName they act on
 * the caller's own keys: the calling user's, or the root user's for root credentials.
 */

/** AccessKeyId: 16 to 128 word characters (the API Reference's pattern [\w]+). */
const accessKeyId = z.string().regex(/^\w{16,128}$/, "AccessKeyId must be 16 to 128 letters and digits.");

/** The AccessKeyMetadata data type; UserName is left out for the root user's keys. */
const metadataOut = (key: AccessKey, owner: string | null) => ({ UserName: owner ?? undefined, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: when(key.createdAt) });

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html */
const createAccessKeyOperation = awsOperation({
  service: "iam",
  action: "CreateAccessKey",
  input: z.object({ UserName: userName.optional() }),
  authorize: (input, caller) => onSubject(caller, subjectName(input.UserName, caller), "iam:CreateAccessKey"),
  run: async (input, caller) => {
    const name = subjectName(input.UserName, caller);
    const account = accountOf(caller);
    const key = name === null ? await createRootAccessKey(account) : await createAccessKey(account, name);
    // The only answer that ever carries the secret; the audit trail records no response elements.
    return { AccessKey: { UserName: key.userName ?? undefined, AccessKeyId: key.accessKeyId, Status: key.status, SecretAccessKey: key.secretAccessKey, CreateDate: when(key.createdAt) } };
  },
});

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccessKey.html */
const updateAccessKeyOperation = awsOperation({
  service: "iam",
  action: "UpdateAccessKey",
  input: z.object({ UserName: userName.optional(), AccessKeyId: accessKeyId, Status: z.enum(ACCESS_KEY_STATUSES, 'Status must be "Active" or "Inactive".') }),
  authorize: (input, caller) => onSubject(caller, subjectName(input.UserName, caller), "iam:UpdateAccessKey"),
  run: async (input, caller) => {
    const name = subjectName(input.UserName, caller);
    const account = accountOf(caller);
    if (name === null) await updateRootAccessKey(account, input.AccessKeyId, input.Status);
    else await updateAccessKey(account, name, input.AccessKeyId, input.Status);
    return null;
  },
});

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccessKey.html */
const deleteAccessKeyOperation = awsOperation({
  service: "iam",
  action: "DeleteAccessKey",
  input: z.object({ UserName: userName.optional(), AccessKeyId: accessKeyId }),
  authorize: (input, caller) => onSubject(caller, subjectName(input.UserName, caller), "iam:DeleteAccessKey"),
  run: async (input, caller) => {
    const name = subjectName(input.UserName, caller);
    const account = accountOf(caller);
    if (name === null) await deleteRootAccessKey(account, input.AccessKeyId);
    else await deleteAccessKey(account, name, input.AccessKeyId);
    return null;
  },
});

/** Keys in creation order; the marker's key is the creation time then the id (both sort as text). */
const keyOf = (key: AccessKey) => `${key.createdAt}|${key.accessKeyId}`;

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccessKeys.html */
const listAccessKeysOperation = awsOperation({
  service: "iam",
  action: "ListAccessKeys",
  readOnly: true,
  input: z.object({ UserName: userName.optional(), ...pagingFields }),
  authorize: (input, caller) => onSubject(caller, subjectName(input.UserName, caller), "iam:ListAccessKeys"),
  run: async (input, caller) => {
    const name = subjectName(input.UserName, caller);
    const account = accountOf(caller);
    const keys = name === null ? await listRootAccessKeys(account) : await listAccessKeys(account, name);
    const sorted = [...keys].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
    // The user's name as stored (the request may spell it in another case).
    const owner = name === null ? null : (await principalTarget("user", account, name)).name;
    const { items, IsTruncated, Marker } = pageOfAll(sorted, paging(input), keyOf);
    return { AccessKeyMetadata: items.map((key) => metadataOut(key, owner)), IsTruncated, Marker };
  },
});

/**
 * GetAccessKeyLastUsed names only the key: it is authorized on the key's owner (resource type
 * user); a key not in the caller's account has no owner to name, so its resource is "*".
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccessKeyLastUsed.html
 */
const getAccessKeyLastUsedOperation = awsOperation({
  service: "iam",
  action: "GetAccessKeyLastUsed",
  readOnly: true,
  input: z.object({ AccessKeyId: accessKeyId }),
  authorize: async (input, caller) => {
    const account = accountOf(caller);
    const found = await findOwnedAccessKey(account, input.AccessKeyId);
    if (!found) return op(account, "iam:GetAccessKeyLastUsed", "*");
    return found.owner ? onUser({ accountId: account, userName: found.owner.userName }, "iam:GetAccessKeyLastUsed") : op(account, "iam:GetAccessKeyLastUsed", accountRootArn(account));
  },
  run: async (input, caller) => {
    const { key, owner } = await getAccessKeyLastUsed(accountOf(caller), input.AccessKeyId);
    // A key never used answers ServiceName and Region "N/A" and no LastUsedDate, as AWS does.
    return {
      UserName: owner?.userName,
      AccessKeyLastUsed: { LastUsedDate: when(key.lastUsedAt), ServiceName: key.lastUsedService ?? "N/A", Region: key.lastUsedRegion ?? "N/A" },
    };
  },
});

export const accessKeyOperations: SomeAwsOperation[] = [
  createAccessKeyOperation,
  updateAccessKeyOperation,
  deleteAccessKeyOperation,
  listAccessKeysOperation,
  getAccessKeyLastUsedOperation,
];
