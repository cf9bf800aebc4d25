import { when } from "@/lib/aws/shapes";

/**
 * The Group data type (CreateGroup, GetGroup, ListGroups, ListGroupsForUser answer it): Path,
 * GroupName, GroupId, Arn, CreateDate.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Group.html
 */
export const groupOut = (group: { path: string; name: string; id: string; arn: string; createdAt: string | Date }) => ({
  Path: group.path,
  GroupName: group.name,
  GroupId: group.id,
  Arn: group.arn,
  CreateDate: when(group.createdAt),
});

/** The console's GroupSummary (lib/data's answers) as the Group data type. */
export const groupSummaryOut = (group: { path: string; groupName: string; groupId: string; arn: string; createdAt: string }) =>
  groupOut({ path: group.path, name: group.groupName, id: group.groupId, arn: group.arn, createdAt: group.createdAt });
