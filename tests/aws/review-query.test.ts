import { afterEach, describe, expect, it } from "vitest";
import {
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  GetAccountAuthorizationDetailsCommand,
  GetUserCommand,
  SimulateCustomPolicyCommand,
  TagUserCommand,
  UntagUserCommand,
} from "@aws-sdk/client-iam";
import { decodeParameters } from "@/lib/aws/query";
import { freshAccount } from "@/tests/support/identity";
import { iamClient, rawAws, rootCredentials } from "@/tests/support/aws";

// The Query protocol's parameters ("Making Query requests", CommonParameters) decoded into lists
// and structures: a parameter's name is the client's, so decoding must never reach anything but
// the object it builds, and lists the SDK sends empty (`Tags=`) are empty lists.
// https://docs.aws.amazon.com/IAM/latest/APIReference/CommonParameters.html

const inherited = ["hasOwnProperty", "toString", "valueOf", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString"] as const;

afterEach(() => {
  // Undo what a broken decoder would have written, so one failure does not break other tests.
  for (const name of inherited) {
    const fn = Object.prototype[name] as unknown as Record<string, unknown>;
    for (const key of Object.keys(fn)) delete fn[key];
  }
});

describe("decoding Query parameters (CommonParameters)", () => {
  it("never writes onto a member the decoded objects inherit (Object.prototype's functions)", () => {
    const decoded = decodeParameters([
      ["X.hasOwnProperty.call", "1"],
      ["Y.toString.apply", "2"],
      ["Z.valueOf.bind", "3"],
    ]);
    expect(Object.keys(Object.prototype.hasOwnProperty)).toEqual([]);
    expect(Object.keys(Object.prototype.toString)).toEqual([]);
    expect(Object.keys(Object.prototype.valueOf)).toEqual([]);
    expect(typeof Object.prototype.hasOwnProperty.call).toBe("function");
    // The names are the request's own structure, as any other name would be.
    expect(decoded).toEqual({ X: { hasOwnProperty: { call: "1" } }, Y: { toString: { apply: "2" } }, Z: { valueOf: { bind: "3" } } });
  });

  it("leaves the process intact when an unsigned request names an inherited member, and refuses it as unsigned", async () => {
    const answer = await rawAws({ params: { Action: "ListUsers", Version: "2010-05-08", "Tags.hasOwnProperty.call": "x" } });
    expect(answer.status).toBe(403);
    expect(answer.text).toContain("<Code>MissingAuthenticationToken</Code>");
    expect(typeof Object.prototype.hasOwnProperty.call).toBe("function");
    expect(Object.keys(Object.prototype.hasOwnProperty)).toEqual([]);
  });
});

describe("empty lists as the SDK sends them (awsQuery writes `Tags=` for an empty list)", () => {
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html (Tags: 0 to 50 items)
  it("CreateUser and CreateRole with Tags: [] create the entity without tags", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const created = await iam.send(new CreateUserCommand({ UserName: "dana", Tags: [] }));
    expect(created.User?.UserName).toBe("dana");
    expect((await iam.send(new GetUserCommand({ UserName: "dana" }))).User?.Tags).toBeUndefined();
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" }] });
    expect((await iam.send(new CreateRoleCommand({ RoleName: "Empty", AssumeRolePolicyDocument: trust, Tags: [] }))).Role?.RoleName).toBe("Empty");
  });

  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagUser.html
  it("TagUser and UntagUser with an empty list are a ValidationError about the list, not about its type", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "erin" }));
    await expect(iam.send(new TagUserCommand({ UserName: "erin", Tags: [] }))).rejects.toMatchObject({ name: "ValidationError", message: expect.stringContaining("at least one tag") });
    await expect(iam.send(new UntagUserCommand({ UserName: "erin", TagKeys: [] }))).rejects.toMatchObject({ name: "ValidationError", message: expect.stringContaining("at least one tag key") });
  });

  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html, API_CreateVirtualMFADevice.html,
  // API_GetAccountAuthorizationDetails.html (Filter), API_SimulateCustomPolicy.html (ResourceArns, ContextEntries)
  it("takes an empty Tags, Filter, ResourceArns and ContextEntries as no items", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    expect((await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "web", Tags: [] }))).InstanceProfile?.InstanceProfileName).toBe("web");
    expect((await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "phone", Tags: [] }))).VirtualMFADevice?.SerialNumber).toBe(`arn:aws:iam::${account}:mfa/phone`);
    await iam.send(new CreateUserCommand({ UserName: "finn" }));
    const details = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: [] }));
    expect(details.UserDetailList?.map((user) => user.UserName)).toEqual(["finn"]);
    const read = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
    const simulated = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [read], ActionNames: ["s3:GetObject"], ResourceArns: [], ContextEntries: [] }));
    expect(simulated.EvaluationResults?.map((result) => [result.EvalResourceName, result.EvalDecision])).toEqual([["*", "allowed"]]);
  });
});
