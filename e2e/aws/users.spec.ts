import { CreateUserCommand, GetUserCommand, ListUsersCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { expect, test } from "../support/test";
import { adminKeys, iamAt, PROD_ACCOUNT, stsAt, uniqueName } from "../support/aws";

// API-only: the real IAM and STS clients against the E2E server's /aws (IAM API Reference: CreateUser, GetUser, ListUsers).
test.describe("users through the AWS endpoint", () => {
  test("CreateUser, GetUser and GetCallerIdentity answer as AWS does", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-users");
    const iam = iamAt(baseURL, admin);
    const userName = uniqueName("aws-dana");
    const created = await iam.send(new CreateUserCommand({ UserName: userName, Tags: [{ Key: "team", Value: "blue" }] }));
    expect(created.User?.Arn).toBe(`arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`);
    const read = await iam.send(new GetUserCommand({ UserName: userName }));
    expect(read.User?.Tags).toEqual([{ Key: "team", Value: "blue" }]);
    const who = await stsAt(baseURL, admin).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:iam::${PROD_ACCOUNT}:user/${admin.userName}`);
  });

  test("ListUsers pages through 250 users with MaxItems 100", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-pager");
    const iam = iamAt(baseURL, admin);
    const prefix = `/${uniqueName("pager")}/`;
    for (let i = 0; i < 250; i++) await iam.send(new CreateUserCommand({ UserName: `p${String(i).padStart(3, "0")}-${prefix.slice(1, -1)}`, Path: prefix }));
    const names: string[] = [];
    let marker: string | undefined;
    const sizes: number[] = [];
    do {
      const answer = await iam.send(new ListUsersCommand({ PathPrefix: prefix, MaxItems: 100, Marker: marker }));
      sizes.push(answer.Users?.length ?? 0);
      names.push(...(answer.Users ?? []).map((user) => user.UserName ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
    } while (marker);
    expect(sizes).toEqual([100, 100, 50]);
    expect(new Set(names).size).toBe(250);
  });
});
