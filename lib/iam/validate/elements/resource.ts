import { stringList, type IssueList } from "../issues";
import type { PathSegment } from "../path";
import { replaceBraced } from "../../variables";

/**
 * `arn:partition:service:region:account-id:resource`; region and account may be empty, the
 * resource part may itself contain colons, and `${aws:username}`-style variables may appear
 * anywhere. A "*" may stand for several segments ("arn:aws:s3:::*", "arn:*").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function isResourcePattern(value: string): boolean {
  if (value === "*") return true;
  const plain = replaceBraced(value, () => "x");
  if (!plain.startsWith("arn:")) return false;
  const parts = plain.split(":");
  if (parts[1] === "") return false;
  if (parts.length >= 6) return parts[2] !== "" && parts.slice(5).join(":") !== "";
  return plain.includes("*");
}

/** Checks a Resource or NotResource value. */
export function checkResources(
  value: unknown,
  path: readonly PathSegment[],
  where: string,
  element: "Resource" | "NotResource",
  issues: IssueList,
): void {
  for (const item of stringList(value, path, `${where}: ${element}`, issues)) {
    if (isResourcePattern(item.value)) continue;
    issues.add(
      "InvalidResourceArn",
      item.path,
      `${where}: ${element} ${JSON.stringify(item.value)} must be in ARN format (arn:partition:service:region:account:resource) or "*".`,
    );
  }
}
