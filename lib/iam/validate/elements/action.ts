import { stringList, type IssueList } from "../issues";
import type { PathSegment } from "../path";

// "service:action" — the prefix is a service namespace, the action may use * and ? wildcards
// anywhere (one catalog action, vpc-lattice:AssociateViaAWSService-EventsAndStates, has a "-").
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?-]+$/;

export function isActionPattern(value: string): boolean {
  return value === "*" || ACTION.test(value);
}

/** Checks an Action or NotAction value. */
export function checkActions(
  value: unknown,
  path: readonly PathSegment[],
  where: string,
  element: "Action" | "NotAction",
  issues: IssueList,
): void {
  for (const item of stringList(value, path, `${where}: ${element}`, issues)) {
    if (isActionPattern(item.value)) continue;
    const hint = item.value.includes(":") ? "" : ' (AWS: "Actions must be prefaced by a vendor, e.g., iam, sdb, ec2")';
    issues.add(
      "InvalidAction",
      item.path,
      `${where}: ${element} ${JSON.stringify(item.value)} must be "*" or "service:action", for example "s3:GetObject"${hint}.`,
    );
  }
}
