import { describe, expect, it } from "vitest";
import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateUserCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPolicyVersionsCommand,
  SetDefaultPolicyVersionCommand,
} from "@aws-sdk/client-iam";
import { iamClient, userCredentials } from "@/tests/support/aws";
import { allow, audited, awsPolicyArn, changes, failure, policyOfSize, rootOfFreshAccount } from "@/tests/aws/policies-support";

const V1 = allow("s3:GetObject");
const V2 = allow(["s3:GetObject", "s3:ListBucket"]);
const V3 = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::b/a b+c?d=%" }] }, null, 2);

async function policyWithVersions() {
  const { account, iam } = await rootOfFreshAccount();
  const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: "versioned", PolicyDocument: V1 }))).Policy?.Arn ?? "";
  return { account, iam, arn };
}

// IAM API Reference: CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, SetDefaultPolicyVersion, DeletePolicyVersion.
describe("policy versions through the AWS endpoint (API_CreatePolicyVersion, API_GetPolicyVersion, API_ListPolicyVersions)", () => {
  it("creates versions, reads each back with its URL-encoded document, and lists them newest first, paged", async () => {
    const { account, iam, arn } = await policyWithVersions();
    const before = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
    const v2 = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: V2 }));
    expect(v2.PolicyVersion).toEqual({ VersionId: "v2", IsDefaultVersion: false, CreateDate: expect.any(Date) });
    const v3 = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: V3, SetAsDefault: true }));
    expect(v3.PolicyVersion).toEqual({ VersionId: "v3", IsDefaultVersion: true, CreateDate: expect.any(Date) });

    const read = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v3" }))).PolicyVersion;
    expect(read).toEqual({ VersionId: "v3", IsDefaultVersion: true, CreateDate: v3.PolicyVersion?.CreateDate, Document: encodeURIComponent(V3) });
    // AWS answers the document URL-encoded (RFC 3986); the text is exactly as written.
    expect(decodeURIComponent(read?.Document ?? "")).toBe(V3);
    const first = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }))).PolicyVersion;
    expect(first).toMatchObject({ VersionId: "v1", IsDefaultVersion: false });
    expect(decodeURIComponent(first?.Document ?? "")).toBe(V1);

    const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
    expect(policy?.DefaultVersionId).toBe("v3");
    expect(policy?.UpdateDate).toEqual(v3.PolicyVersion?.CreateDate);
    expect(policy?.CreateDate).toEqual(before?.CreateDate);

    const all = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(all.IsTruncated).toBe(false);
    expect(all.Versions).toEqual([
      { VersionId: "v3", IsDefaultVersion: true, CreateDate: expect.any(Date) },
      { VersionId: "v2", IsDefaultVersion: false, CreateDate: expect.any(Date) },
      { VersionId: "v1", IsDefaultVersion: false, CreateDate: expect.any(Date) },
    ]);
    const firstPage = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 2 }));
    expect(firstPage.Versions?.map((v) => v.VersionId)).toEqual(["v3", "v2"]);
    expect(firstPage.IsTruncated).toBe(true);
    const secondPage = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 2, Marker: firstPage.Marker }));
    expect(secondPage.Versions?.map((v) => v.VersionId)).toEqual(["v1"]);
    expect(secondPage.IsTruncated).toBe(false);

    expect((await changes(account, "CreatePolicyVersion")).map((c) => c.summary)).toEqual(["Created version v2 of policy versioned.", "Created version v3 of policy versioned as the default."]);
    const trail = await audited(account, "CreatePolicyVersion");
    expect(trail.map((event) => [event.resourceArn, event.errorCode])).toEqual([[arn, null], [arn, null]]);
    expect(JSON.parse(trail[1].requestParameters ?? "{}")).toMatchObject({ policyArn: arn, setAsDefault: true });
  });

  it("answers LimitExceeded at five versions, MalformedPolicyDocument, the size quota, NoSuchEntity and ValidationError as AWS", async () => {
    const { account, iam, arn } = await policyWithVersions();
    for (let i = 2; i <= 5; i++) await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow(`s3:Get${i}`) }));
    const sixth = await failure(iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: V2 })));
    expect(sixth).toEqual({ code: "LimitExceeded", status: 409, message: "Policy versioned already has 5 versions, the most AWS allows. Delete a version (not the default one) first." });

    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v5" }));
    const malformed = await failure(iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: '{"Version":"2012-10-17","Statement":{"Effect":"Permit","Action":"s3:*","Resource":"*"}}' })));
    expect(malformed.code).toBe("MalformedPolicyDocument");
    expect(malformed.message).toMatch(/^The policy document is not valid: /);
    expect((await failure(iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: policyOfSize(6145) })))).code).toBe("LimitExceeded");

    expect(await failure(iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v9" })))).toEqual({
      code: "NoSuchEntity",
      status: 404,
      message: `Policy ${arn} has no version v9.`,
    });
    expect((await failure(iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "latest" })))).code).toBe("ValidationError");
    expect((await failure(iam.send(new ListPolicyVersionsCommand({ PolicyArn: `arn:aws:iam::${account}:policy/none` })))).code).toBe("NoSuchEntity");
    expect((await failure(iam.send(new CreatePolicyVersionCommand({ PolicyArn: `arn:aws:iam::${account}:policy/none`, PolicyDocument: V1 })))).code).toBe("NoSuchEntity");
    // Nothing refused was written: v6 is the next version.
    expect((await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: V2 }))).PolicyVersion?.VersionId).toBe("v6");
  });
});

describe("SetDefaultPolicyVersion and DeletePolicyVersion through the AWS endpoint (API_SetDefaultPolicyVersion, API_DeletePolicyVersion)", () => {
  it("moves the default, refuses to delete it (DeleteConflict), deletes another version, logged and audited", async () => {
    const { account, iam, arn } = await policyWithVersions();
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: V2 }));
    const set = await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: "v2" }));
    expect(set.$metadata.httpStatusCode).toBe(200);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe("v2");
    expect((await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }))).PolicyVersion?.IsDefaultVersion).toBe(false);

    const conflict = await failure(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v2" })));
    expect(conflict).toEqual({ code: "DeleteConflict", status: 409, message: "v2 is the default version of policy versioned and cannot be deleted. Make another version the default first." });
    expect((await failure(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v7" })))).code).toBe("NoSuchEntity");
    expect((await failure(iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: "v7" })))).code).toBe("NoSuchEntity");

    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }));
    expect((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions?.map((v) => v.VersionId)).toEqual(["v2"]);
    expect((await failure(iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" })))).code).toBe("NoSuchEntity");

    const root = `arn:aws:iam::${account}:root`;
    expect(await changes(account, "SetDefaultPolicyVersion")).toEqual([
      { action: "SetDefaultPolicyVersion", targetArn: arn, summary: "Made v2 the default version of policy versioned (was v1).", actorArn: root },
    ]);
    expect(await changes(account, "DeletePolicyVersion")).toEqual([{ action: "DeletePolicyVersion", targetArn: arn, summary: "Deleted version v1 of policy versioned.", actorArn: root }]);
    expect((await audited(account, "SetDefaultPolicyVersion")).map((event) => event.errorCode)).toEqual([null, "NoSuchEntity"]);
    expect((await audited(account, "DeletePolicyVersion")).map((event) => event.errorCode)).toEqual(["DeleteConflict", "NoSuchEntity", null]);
  });

  it("reads an AWS managed policy's versions and refuses every version write to it with the data layer's refusal", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const arn = awsPolicyArn("PowerUserAccess");
    const version = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v5" }))).PolicyVersion;
    expect(version).toMatchObject({ VersionId: "v5", IsDefaultVersion: true });
    expect(JSON.parse(decodeURIComponent(version?.Document ?? ""))).toMatchObject({ Statement: [{ Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"] }] });
    expect((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions?.map((v) => v.VersionId)).toEqual(["v5"]);

    const refusal = `${arn} is an AWS managed policy and cannot be modified; create a customer managed policy instead.`;
    expect(await failure(iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: V1 })))).toEqual({ code: "ValidationError", status: 400, message: refusal });
    expect(await failure(iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: "v5" })))).toEqual({ code: "ValidationError", status: 400, message: refusal });
    expect(await failure(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v5" })))).toEqual({ code: "ValidationError", status: 400, message: refusal });
    expect(await changes(account, "CreatePolicyVersion")).toEqual([]);
    expect((await audited(account, "CreatePolicyVersion")).map((event) => [event.resourceArn, event.errorCode])).toEqual([[arn, "ValidationError"]]);
  });

  it("refuses a user without permission with AccessDenied in the engine's words, audited", async () => {
    const { account, iam, arn } = await policyWithVersions();
    await iam.send(new CreateUserCommand({ UserName: "erin" }));
    const erin = iamClient(await userCredentials(account, "erin"));
    const refused = await failure(erin.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: V2, SetAsDefault: true })));
    expect(refused).toEqual({
      code: "AccessDenied",
      status: 403,
      message: `User: arn:aws:iam::${account}:user/erin is not authorized to perform: iam:CreatePolicyVersion on resource: ${arn} because no identity-based policy allows the iam:CreatePolicyVersion action`,
    });
    expect((await failure(erin.send(new ListPolicyVersionsCommand({ PolicyArn: arn })))).code).toBe("AccessDenied");
    expect((await audited(account, "CreatePolicyVersion")).map((event) => [event.principalArn, event.errorCode])).toEqual([[`arn:aws:iam::${account}:user/erin`, "AccessDenied"]]);
    expect((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions).toHaveLength(1);
  });
});
