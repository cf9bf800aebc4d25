import "server-only";
import { z } from "@/lib/schemas/zod";
import { groupName, iamPath } from "@/lib/schemas/common";
import { groupArn } from "@/lib/arn";
import { entityArn, op, renameOperations } from "@/lib/api/operations";
import { deleteGroupOperations } from "@/lib/api/delete-operations";
import { createGroup } from "@/lib/data/create-group";
import { updateGroup } from "@/lib/data/update-group";
import { deleteGroup } from "@/lib/data/delete-group";
import { groupWithMemberRows, listGroupRows } from "@/lib/data/list-group-rows";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { pagingFields, pathPrefix } from "@/lib/aws/inputs";
import { page, paging } from "@/lib/aws/paging";
import { groupOut, groupSummaryOut } from "@/lib/aws/iam/group-shape";
import { groupMemberOperations } from "@/lib/aws/iam/group-members";

/**
 * IAM's group operations (IAM API Reference: CreateGroup, GetGroup, UpdateGroup, DeleteGroup,
 * ListGroups), each authorized as the console's groups routes authorize the same call and done by
 * the same lib/data function (keyset-paged reads in lib/data/list-group-rows.ts). Membership
 * (AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser) is in group-members.ts; this file's list
 * is the one the registry imports.
 */

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateGroup.html */
const createGroupOperation = awsOperation({
  service: "iam",
  action: "CreateGroup",
  input: z.object({ GroupName: groupName, Path: iamPath }),
  authorize: (input, caller) => op(accountOf(caller), "iam:CreateGroup", groupArn(accountOf(caller), input.Path, input.GroupName)),
  run: async (input, caller) => {
    const group = await createGroup(accountOf(caller), { groupName: input.GroupName, path: input.Path });
    return { Group: groupSummaryOut(group) };
  },
});

/**
 * GetGroup: the group and one page of its users (Marker, MaxItems, IsTruncated), ordered by name.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetGroup.html
 */
const getGroupOperation = awsOperation({
  service: "iam",
  action: "GetGroup",
  readOnly: true,
  input: z.object({ GroupName: groupName, ...pagingFields }),
  authorize: async (input, caller) => op(accountOf(caller), "iam:GetGroup", await entityArn("group", accountOf(caller), input.GroupName)),
  run: async (input, caller) => {
    const paged = paging(input);
    const { group, members } = await groupWithMemberRows(accountOf(caller), input.GroupName, { after: paged.after, take: paged.take + 1 });
    const { items, IsTruncated, Marker } = page(members, paged, (row) => row.nameLower);
    return {
      Group: groupOut(group),
      Users: items.map((row) => ({
        Path: row.path,
        UserName: row.name,
        UserId: row.id,
        Arn: row.arn,
        CreateDate: row.createdAt,
        PasswordLastUsed: row.passwordLastUsedAt ?? undefined,
      })),
      IsTruncated,
      Marker,
    };
  },
});

/**
 * UpdateGroup: a new name and/or path, authorized on the group's ARN now and after the change
 * ("permissions on both the source object and the target object"), as the console's PATCH is.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateGroup.html
 */
const updateGroupOperation = awsOperation({
  service: "iam",
  action: "UpdateGroup",
  input: z.object({ GroupName: groupName, NewGroupName: groupName.optional(), NewPath: iamPath.unwrap().optional() }),
  authorize: (input, caller) => renameOperations("group", accountOf(caller), input.GroupName, { newName: input.NewGroupName, newPath: input.NewPath }),
  run: async (input, caller) => {
    await updateGroup(accountOf(caller), input.GroupName, { newGroupName: input.NewGroupName, newPath: input.NewPath });
    return null;
  },
});

/**
 * DeleteGroup: DeleteConflict while the group has members or policies (the API has no force).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteGroup.html
 */
const deleteGroupOperation = awsOperation({
  service: "iam",
  action: "DeleteGroup",
  input: z.object({ GroupName: groupName }),
  authorize: (input, caller) => deleteGroupOperations(accountOf(caller), input.GroupName, false),
  run: async (input, caller) => {
    await deleteGroup(accountOf(caller), input.GroupName, { force: false });
    return null;
  },
});

/**
 * ListGroups: the account's groups under PathPrefix, by name. It has no resource type in the
 * Service Authorization Reference: its resource is "*".
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroups.html
 */
const listGroupsOperation = awsOperation({
  service: "iam",
  action: "ListGroups",
  readOnly: true,
  input: z.object({ PathPrefix: pathPrefix, ...pagingFields }),
  authorize: (_input, caller) => op(accountOf(caller), "iam:ListGroups", "*"),
  run: async (input, caller) => {
    const paged = paging(input);
    const rows = await listGroupRows(accountOf(caller), { pathPrefix: input.PathPrefix, after: paged.after, take: paged.take + 1 });
    const { items, IsTruncated, Marker } = page(rows, paged, (row) => row.nameLower);
    return { Groups: items.map(groupOut), IsTruncated, Marker };
  },
});

export const groupOperations: SomeAwsOperation[] = [
  createGroupOperation,
  getGroupOperation,
  updateGroupOperation,
  deleteGroupOperation,
  listGroupsOperation,
  ...groupMemberOperations,
];
