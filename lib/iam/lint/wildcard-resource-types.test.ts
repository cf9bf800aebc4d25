/**
 * The my_bucket lesson for wildcard actions, and actions that need "Resource": "*". Expected
 * actions are derived from the catalog's resource type names, apart from the rule's ARN matching.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import { describe, expect, it } from "vitest";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { lintPolicy, type LintFinding } from "./index";

const catalog = loadCatalogIndex();
const s3 = catalog.actionsOf("s3");

function lint(action: unknown, resource: unknown, effect = "Allow"): LintFinding[] {
  return lintPolicy(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: effect, Action: action, Resource: resource }] }, null, 2), "identity", catalog);
}

const finding = (findings: LintFinding[], code = "ActionsWithoutApplicableResource") => findings.find((f) => f.code === code);
const typesOf = (name: string) => catalog.action(name)?.resourceTypes.map((type) => type.name) ?? [];
/** The "s3:Xyz" names a message mentions. */
const named = (message: string) => [...message.matchAll(/\bs3:[A-Za-z]+\b/g)].map((match) => match[0]);

describe("wildcard actions whose matches cannot all apply to the Resource", () => {
  it("s3:Get* on the bucket: counts and names the object actions, which need arn:aws:s3:::my_bucket/*", () => {
    const gets = s3.filter((action) => action.name.startsWith("Get"));
    const unfit = gets.filter((action) => !action.resourceTypes.some((type) => type.name === "bucket"));
    const result = finding(lint("s3:Get*", "arn:aws:s3:::my_bucket"));
    expect(result).toMatchObject({ severity: "warning", path: "Statement[0].Action" });
    expect(result?.range?.startLine).toBe(6);
    expect(result?.message).toContain(`matches ${gets.length} actions, and ${unfit.length} of them cannot apply`);
    expect(result?.message).toContain("s3:GetObject,");
    expect(result?.message).toContain("not the bucket");
    expect(result?.message).toContain(`and ${unfit.length - 5} more`);
    // Only a handful are named, all of them actions that cannot apply.
    const names = named(result?.message ?? "");
    expect(names.length).toBeLessThanOrEqual(5 + 1);
    for (const name of names.filter((n) => n !== "s3:Get")) expect(unfit.map((a) => `s3:${a.name}`)).toContain(name);
  });

  it("s3:* on the objects: counts and names the bucket-level actions", () => {
    const unfit = s3.filter((action) => !action.resourceTypes.some((type) => type.name === "object"));
    const message = finding(lint("s3:*", "arn:aws:s3:::my_bucket/*"))?.message ?? "";
    expect(message).toContain(`matches ${s3.length} actions, and ${unfit.length} of them cannot apply`);
    const names = named(message);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(unfit.map((a) => `s3:${a.name}`)).toContain(name);
    expect(names.some((name) => typesOf(name).includes("bucket"))).toBe(true);
    expect(message).toContain('the bucket itself is "arn:aws:s3:::bucket"');
  });

  it("says none apply when every match acts elsewhere, and reports Deny statements too", () => {
    const objects = s3.filter((action) => action.name.startsWith("GetObject"));
    expect(finding(lint("s3:GetObject*", "arn:aws:s3:::my_bucket", "Deny"))?.message).toContain(`matches ${objects.length} actions, and none of them can apply`);
  });

  it("gives no finding when every matched action has a resource type the Resource matches", () => {
    expect(finding(lint("s3:GetObject*", "arn:aws:s3:::my_bucket/*"))).toBeUndefined();
    const rolePolicies = catalog.actionsOf("iam").filter((action) => action.name.endsWith("RolePolicy"));
    expect(rolePolicies.length).toBeGreaterThan(1);
    expect(rolePolicies.every((action) => typesOf(`iam:${action.name}`).includes("role"))).toBe(true);
    expect(finding(lint("iam:*RolePolicy", "arn:aws:iam::123456789012:role/app"))).toBeUndefined();
    // "*" matches everything; NotResource and text that is no ARN are not judged.
    expect(finding(lint("s3:Get*", ["arn:aws:s3:::my_bucket", "*"]))).toBeUndefined();
    expect(finding(lint("s3:Get*", "arn:aws:s3:::my_bucket/${aws:username}/*"))?.message).not.toContain("s3:GetObject,");
  });

  it("leaves alone patterns over every service", () => {
    expect(finding(lint("*", "arn:aws:s3:::my_bucket"))).toBeUndefined();
    expect(finding(lint("*:Get*", "arn:aws:s3:::my_bucket"))).toBeUndefined();
  });
});

describe("actions without resource types: they apply only to \"Resource\": \"*\"", () => {
  const starOnly = s3.filter((action) => action.resourceTypes.length === 0);

  it("flags one written out on ARNs, and not on \"*\"", () => {
    expect(starOnly.map((action) => action.name)).toContain("ListAllMyBuckets");
    const result = finding(lint("s3:ListAllMyBuckets", "arn:aws:s3:::my_bucket"), "ActionNeedsEveryResource");
    expect(result).toMatchObject({ severity: "warning", path: "Statement[0].Action" });
    expect(result?.message).toContain('applies only with "Resource": "*"');
    expect(lint("s3:ListAllMyBuckets", "*").map((f) => f.code)).toEqual([]);
  });

  it("counts them among a wildcard's matches that cannot apply", () => {
    const lists = s3.filter((action) => action.name.startsWith("ListAllMy"));
    const needStar = lists.filter((action) => action.resourceTypes.length === 0).length;
    expect(needStar).toBeGreaterThan(0);
    const message = finding(lint("s3:ListAllMy*", "arn:aws:s3:::my_bucket"))?.message ?? "";
    expect(message).toContain(needStar === 1 ? 'one applies only to "Resource": "*"' : `${needStar} apply only to "Resource": "*"`);
  });

  it("explicit actions keep the my_bucket lesson: s3:ListBucket on the objects is flagged now too", () => {
    expect(finding(lint("s3:ListBucket", "arn:aws:s3:::my_bucket/*"), "NoMatchingResourceType")?.message).toContain("s3:ListBucket acts on");
    expect(finding(lint("s3:ListBucket", "arn:aws:s3:::my_bucket"), "NoMatchingResourceType")).toBeUndefined();
  });
});

describe("resource names that hold '/' are not mistaken for other types", () => {
  // A placeholder names one path segment only where the catalog leads to it with the same text
  // and follows it with "/" (the bucket of "${BucketName}/${ObjectName}"); partner event buses,
  // event sources, role paths, log groups and secrets legitimately hold "/".
  it.each([
    ["events:PutEvents", "arn:aws:events:us-east-1:123456789012:event-bus/aws.partner/saas.com/123/name"],
    ["events:DescribeEventSource", "arn:aws:events:us-east-1::event-source/aws.partner/saas.com/123/name"],
    ["iam:PassRole", "arn:aws:iam::123456789012:role/service-role/MyRole"],
    ["logs:GetLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:log-stream:2024/01/01/abc"],
    ["secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db/password-AbCdEf"],
  ])("%s on %s has no resource-type finding", (action, resource) => {
    const codes = lint(action, resource).map((f) => f.code);
    expect(codes).not.toContain("NoMatchingResourceType");
    expect(codes).not.toContain("ActionsWithoutApplicableResource");
  });

  it("still tells a bucket from its objects", () => {
    expect(lint("s3:ListBucket", "arn:aws:s3:::my_bucket/*").map((f) => f.code)).toContain("NoMatchingResourceType");
    expect(lint("s3:GetObject", "arn:aws:s3:::my_bucket").map((f) => f.code)).toContain("NoMatchingResourceType");
  });
});

