import { describe, expect, it } from "vitest";
import {
  CreateRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  GetRoleCommand,
  LimitExceededException,
  ListRoleTagsCommand,
  NoSuchEntityException,
  PutRolePermissionsBoundaryCommand,
  TagRoleCommand,
  UntagRoleCommand,
  type Tag,
} from "@aws-sdk/client-iam";
import { createPolicy } from "@/lib/data/create-policy";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { allow } from "@/tests/support/policies";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, userCredentials, failure, auditOf } from "@/tests/support/aws";

const EC2_TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const numbered = (from: number, count: number): Tag[] => Array.from({ length: count }, (_, i) => ({ Key: `k${String(from + i).padStart(2, "0")}`, Value: `v${from + i}` }));

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagRole.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagRole.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoleTags.html
describe("a role's tags through the AWS endpoint", () => {
  it("tags, overwrites, lists and untags, read back through ListRoleTags and GetRole, logged and audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST, Tags: [{ Key: "team", Value: "blue" }] }));
    await iam.send(new TagRoleCommand({ RoleName: "r", Tags: [{ Key: "Team", Value: "red" }, { Key: "cost", Value: "42" }] }));
    const listed = await iam.send(new ListRoleTagsCommand({ RoleName: "R" }));
    expect(listed.Tags).toEqual([{ Key: "cost", Value: "42" }, { Key: "Team", Value: "red" }]);
    expect(listed.IsTruncated).toBe(false);
    await iam.send(new UntagRoleCommand({ RoleName: "R", TagKeys: ["TEAM", "not-there"] }));
    expect((await iam.send(new GetRoleCommand({ RoleName: "R" }))).Role?.Tags).toEqual([{ Key: "cost", Value: "42" }]);
    const arn = `arn:aws:iam::${account}:role/R`;
    expect((await events(account)).filter((e) => e.action === "TagRole" || e.action === "UntagRole")).toEqual([
      { action: "TagRole", targetArn: arn, summary: "Tagged role R with Team, cost." },
      { action: "UntagRole", targetArn: arn, summary: "Removed tags from role R: Team." },
    ]);
    expect((await auditOf(account, "TagRole")).map((e) => e.errorCode)).toEqual([null]);
    expect(await auditOf(account, "ListRoleTags")).toEqual([]);
    expect(await failure(iam.send(new ListRoleTagsCommand({ RoleName: "nobody" })))).toBeInstanceOf(NoSuchEntityException);
  });

  it("pages ListRoleTags with MaxItems and Marker, and answers LimitExceeded past 50 tags", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST, Tags: numbered(0, 7) }));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const answer = await iam.send(new ListRoleTagsCommand({ RoleName: "R", MaxItems: 3, Marker: marker }));
      seen.push(...(answer.Tags ?? []).map((tag) => tag.Key ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(numbered(0, 7).map((tag) => tag.Key));
    const over = await failure(iam.send(new TagRoleCommand({ RoleName: "R", Tags: numbered(7, 44) })));
    expect(over).toBeInstanceOf(LimitExceededException);
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: "R" }))).Tags).toHaveLength(7);
  });

  it("holds TagRole to the tags a policy allows (aws:RequestTag), with AWS's refusal", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST }));
    await createUser(account, { userName: "tagger", path: "/", tags: [] });
    const onlyBlue = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:TagRole", Resource: "*", Condition: { StringEquals: { "aws:RequestTag/team": "blue" } } }] });
    await putInlinePolicy("user", account, "tagger", "OnlyBlue", onlyBlue);
    const tagger = iamClient(await userCredentials(account, "tagger"));
    await tagger.send(new TagRoleCommand({ RoleName: "R", Tags: [{ Key: "team", Value: "blue" }] }));
    const refused = await failure(tagger.send(new TagRoleCommand({ RoleName: "R", Tags: [{ Key: "team", Value: "red" }] })));
    expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(refused.message).toBe(
      `User: arn:aws:iam::${account}:user/tagger is not authorized to perform: iam:TagRole on resource: arn:aws:iam::${account}:role/R because no identity-based policy allows the iam:TagRole action`,
    );
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePermissionsBoundary.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePermissionsBoundary.html
describe("a role's permissions boundary through the AWS endpoint", () => {
  it("sets, reads back, removes; removing none is NoSuchEntity; a missing policy is NoSuchEntity", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const boundary = await createPolicy(account, { policyName: "Cap", path: "/caps/", description: "", policyDocument: allow("s3:*"), tags: [] });
    await iam.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST }));
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: "R", PermissionsBoundary: boundary.arn }));
    expect((await iam.send(new GetRoleCommand({ RoleName: "R" }))).Role?.PermissionsBoundary).toEqual({ PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: boundary.arn });
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: "R" }));
    expect((await iam.send(new GetRoleCommand({ RoleName: "R" }))).Role?.PermissionsBoundary).toBeUndefined();
    expect(await failure(iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: "R" })))).toBeInstanceOf(NoSuchEntityException);
    expect(await failure(iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: "R", PermissionsBoundary: `arn:aws:iam::${account}:policy/Missing` })))).toBeInstanceOf(NoSuchEntityException);
    const malformed = await failure(iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: "R", PermissionsBoundary: "not-an-arn" })));
    expect(malformed).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    const arn = `arn:aws:iam::${account}:role/R`;
    expect((await events(account)).filter((e) => e.targetArn === arn).map((e) => e.action)).toEqual(["CreateRole", "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary"]);
    expect((await auditOf(account, "DeleteRolePermissionsBoundary")).map((e) => e.errorCode)).toEqual([null, "NoSuchEntity"]);
  });
});
