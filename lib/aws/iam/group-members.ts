import "server-only";
import { z } from "@/lib/schemas/zod";
import { groupName, userName } from "@/lib/schemas/common";
import { entityArn, onUser, op } from "@/lib/api/operations";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { removeUserFromGroup } from "@/lib/data/remove-user-from-group";
import { listGroupsForUser } from "@/lib/data/list-groups-for-user";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { pagingFields } from "@/lib/aws/inputs";
import { pageOfAll, paging } from "@/lib/aws/paging";
import { groupSummaryOut } from "@/lib/aws/iam/group-shape";

/**
 * Group membership: AddUserToGroup, RemoveUserFromGroup (whose resource is the group, as in the
 * console's members routes) and ListGroupsForUser (on the user, with its resource tags), done by
 * the same lib/data functions as the console.
 */

const membership = z.object({ GroupName: groupName, UserName: userName });

/**
 * AddUserToGroup: adding a member again changes nothing; LimitExceeded past 10 groups per user.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddUserToGroup.html
 */
const addUserToGroupOperation = awsOperation({
  service: "iam",
  action: "AddUserToGroup",
  input: membership,
  authorize: async (input, caller) => op(accountOf(caller), "iam:AddUserToGroup", await entityArn("group", accountOf(caller), input.GroupName)),
  run: async (input, caller) => {
    await addUserToGroup(accountOf(caller), input.GroupName, input.UserName);
    return null;
  },
});

/**
 * RemoveUserFromGroup: NoSuchEntity when the user is not a member.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveUserFromGroup.html
 */
const removeUserFromGroupOperation = awsOperation({
  service: "iam",
  action: "RemoveUserFromGroup",
  input: membership,
  authorize: async (input, caller) => op(accountOf(caller), "iam:RemoveUserFromGroup", await entityArn("group", accountOf(caller), input.GroupName)),
  run: async (input, caller) => {
    await removeUserFromGroup(accountOf(caller), input.GroupName, input.UserName);
    return null;
  },
});

/**
 * ListGroupsForUser: a user is in at most 10 groups, so they are read whole and paged by
 * lower-cased name (Marker, MaxItems).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroupsForUser.html
 */
const listGroupsForUserOperation = awsOperation({
  service: "iam",
  action: "ListGroupsForUser",
  readOnly: true,
  input: z.object({ UserName: userName, ...pagingFields }),
  authorize: (input, caller) => onUser({ accountId: accountOf(caller), userName: input.UserName }, "iam:ListGroupsForUser"),
  run: async (input, caller) => {
    const all = await listGroupsForUser(accountOf(caller), input.UserName);
    const { items, IsTruncated, Marker } = pageOfAll(all, paging(input), (group) => group.groupName.toLowerCase());
    return {
      Groups: items.map(groupSummaryOut),
      IsTruncated,
      Marker,
    };
  },
});

export const groupMemberOperations: SomeAwsOperation[] = [addUserToGroupOperation, removeUserFromGroupOperation, listGroupsForUserOperation];
