import { describe, expect, it } from "vitest";
import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
} from "@aws-sdk/client-iam";
import { attachPolicy } from "@/lib/data/attach-policy";
import { detachPolicy } from "@/lib/data/detach-policy";
import { deletePermissionsBoundary } from "@/lib/data/delete-permissions-boundary";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { createRole } from "@/lib/data/create-role";
import { createPolicy } from "@/lib/data/create-policy";
import { iamClient, userCredentials } from "@/tests/support/aws";
import { freshAccount } from "@/tests/support/identity";
import { trusting } from "@/tests/support/policies";
import { allow, audited, awsPolicyArn, changes, failure, policyOfSize, rootOfFreshAccount } from "@/tests/aws/policies-support";

const READ = allow("s3:GetObject");

// IAM API Reference: CreatePolicy, GetPolicy (the Policy data type).
describe("CreatePolicy and GetPolicy through the AWS endpoint (API_CreatePolicy, API_GetPolicy)", () => {
  it("creates a policy and reads back every field of the Policy type, with the change log and the audit trail", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const arn = `arn:aws:iam::${account}:policy/eng/read-s3`;
    const created = await iam.send(
      new CreatePolicyCommand({ PolicyName: "read-s3", Path: "/eng/", PolicyDocument: READ, Description: "Reads S3", Tags: [{ Key: "team", Value: "blue" }] }),
    );
    expect(created.Policy).toMatchObject({
      PolicyName: "read-s3",
      Arn: arn,
      Path: "/eng/",
      DefaultVersionId: "v1",
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      Description: "Reads S3",
      Tags: [{ Key: "team", Value: "blue" }],
    });
    expect(created.Policy?.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expect(created.Policy?.CreateDate).toBeInstanceOf(Date);
    expect(created.Policy?.UpdateDate).toBeInstanceOf(Date);

    const read = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(read.Policy).toEqual({
      PolicyName: "read-s3",
      PolicyId: created.Policy?.PolicyId,
      Arn: arn,
      Path: "/eng/",
      DefaultVersionId: "v1",
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      Description: "Reads S3",
      CreateDate: created.Policy?.CreateDate,
      UpdateDate: created.Policy?.UpdateDate,
      Tags: [{ Key: "team", Value: "blue" }],
    });

    expect(await changes(account, "CreatePolicy")).toEqual([
      { action: "CreatePolicy", targetArn: arn, summary: "Created policy read-s3.", actorArn: `arn:aws:iam::${account}:root` },
    ]);
    const trail = await audited(account, "CreatePolicy");
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ principalArn: `arn:aws:iam::${account}:root`, resourceArn: arn, errorCode: null, readOnly: false });
    expect(JSON.parse(trail[0].requestParameters ?? "{}")).toMatchObject({ policyName: "read-s3", path: "/eng/" });
    // Reads are audited only when refused (CloudTrail's readOnly events are not the console's trail).
    expect(await audited(account, "GetPolicy")).toEqual([]);
  });

  it("counts the account's attachments and boundary uses in AttachmentCount and PermissionsBoundaryUsageCount, for customer and AWS managed policies", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: "counted", PolicyDocument: READ }))).Policy?.Arn ?? "";
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await createRole(account, { roleName: "app", path: "/", description: "", trustPolicy: trusting(`arn:aws:iam::${account}:root`), maxSessionDuration: 3600, tags: [] });
    await attachPolicy("user", account, "dana", arn);
    await attachPolicy("role", account, "app", arn);
    await putPermissionsBoundary("role", account, "app", arn);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy).toMatchObject({ AttachmentCount: 2, PermissionsBoundaryUsageCount: 1 });

    // An AWS managed policy counts this account's uses only, not another account's.
    const readOnly = awsPolicyArn("ReadOnlyAccess");
    const other = await freshAccount();
    await createRole(other, { roleName: "elsewhere", path: "/", description: "", trustPolicy: trusting(`arn:aws:iam::${other}:root`), maxSessionDuration: 3600, tags: [] });
    await attachPolicy("role", other, "elsewhere", readOnly);
    await attachPolicy("user", account, "dana", readOnly);
    await putPermissionsBoundary("user", account, "dana", readOnly);
    const managed = (await iam.send(new GetPolicyCommand({ PolicyArn: readOnly }))).Policy;
    expect(managed).toMatchObject({ PolicyName: "ReadOnlyAccess", Arn: readOnly, Path: "/", DefaultVersionId: "v3", AttachmentCount: 1, PermissionsBoundaryUsageCount: 1, IsAttachable: true });
    expect(managed?.Description).toBeUndefined();
    expect(managed?.UpdateDate).toEqual(new Date("2020-01-01T00:00:00Z"));
  });

  it("answers EntityAlreadyExists, MalformedPolicyDocument with the validator's words, LimitExceeded over 6,144 characters and ValidationError", async () => {
    const { account, iam } = await rootOfFreshAccount();
    await iam.send(new CreatePolicyCommand({ PolicyName: "taken", PolicyDocument: READ }));
    const twice = await failure(iam.send(new CreatePolicyCommand({ PolicyName: "TAKEN", PolicyDocument: READ })));
    expect(twice).toEqual({ code: "EntityAlreadyExists", status: 409, message: `A policy called TAKEN already exists in account ${account}.` });

    const malformed = await failure(iam.send(new CreatePolicyCommand({ PolicyName: "bad", PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}' })));
    expect(malformed.code).toBe("MalformedPolicyDocument");
    expect(malformed.status).toBe(400);
    expect(malformed.message).toMatch(/^The policy document is not valid: .*Action/);
    const notJson = await failure(iam.send(new CreatePolicyCommand({ PolicyName: "bad", PolicyDocument: "{not json" })));
    expect(notJson).toMatchObject({ code: "MalformedPolicyDocument", status: 400 });

    const tooLong = await failure(iam.send(new CreatePolicyCommand({ PolicyName: "big", PolicyDocument: policyOfSize(6145) })));
    expect(tooLong).toEqual({ code: "LimitExceeded", status: 409, message: "The managed policy is 6145 characters without white space; the limit is 6144." });
    // Exactly at the quota is accepted.
    const atLimit = await iam.send(new CreatePolicyCommand({ PolicyName: "just-fits", PolicyDocument: policyOfSize(6144) }));
    expect(atLimit.Policy?.PolicyName).toBe("just-fits");

    const badName = await failure(iam.send(new CreatePolicyCommand({ PolicyName: "has space", PolicyDocument: READ })));
    expect(badName.code).toBe("ValidationError");
    expect(badName.message).toContain("Policy name may contain only");
    const badPath = await failure(iam.send(new CreatePolicyCommand({ PolicyName: "pathless", Path: "eng", PolicyDocument: READ })));
    expect(badPath.code).toBe("ValidationError");

    // The refused writes are in the audit trail with AWS's error codes; nothing refused is in the change log.
    const codes = (await audited(account, "CreatePolicy")).map((event) => event.errorCode);
    expect(codes).toEqual([null, "EntityAlreadyExists", "MalformedPolicyDocument", "MalformedPolicyDocument", "LimitExceeded", null]);
    expect((await changes(account, "CreatePolicy")).map((change) => change.targetArn)).toEqual([
      `arn:aws:iam::${account}:policy/taken`,
      `arn:aws:iam::${account}:policy/just-fits`,
    ]);
  });

  it("answers NoSuchEntity for a missing policy or a wrong path, and AccessDenied with the engine's words for a user without permission and for another account's policy", async () => {
    const { account, iam } = await rootOfFreshAccount();
    await iam.send(new CreatePolicyCommand({ PolicyName: "scoped", Path: "/team/", PolicyDocument: READ }));
    const missing = await failure(iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::${account}:policy/nothing` })));
    expect(missing).toEqual({ code: "NoSuchEntity", status: 404, message: `Policy arn:aws:iam::${account}:policy/nothing does not exist in account ${account}.` });
    // AWS matches the whole ARN: the policy under /team/ is not found under /.
    expect((await failure(iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::${account}:policy/scoped` })))).code).toBe("NoSuchEntity");
    expect((await failure(iam.send(new GetPolicyCommand({ PolicyArn: "arn:aws:iam::aws:policy/NoSuchManagedPolicy" })))).code).toBe("NoSuchEntity");
    // The classic mistake: an AWS managed policy under /service-role/ named without its path.
    expect((await failure(iam.send(new GetPolicyCommand({ PolicyArn: "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole" })))).code).toBe("NoSuchEntity");
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: awsPolicyArn("AWSLambdaBasicExecutionRole") }))).Policy?.Path).toBe("/service-role/");
    expect((await failure(iam.send(new GetPolicyCommand({ PolicyArn: "not-an-arn" })))).code).toBe("ValidationError");

    await iam.send(new CreateUserCommand({ UserName: "erin" }));
    const erin = iamClient(await userCredentials(account, "erin"));
    const arn = `arn:aws:iam::${account}:policy/team/scoped`;
    const refused = await failure(erin.send(new GetPolicyCommand({ PolicyArn: arn })));
    expect(refused).toEqual({
      code: "AccessDenied",
      status: 403,
      message: `User: arn:aws:iam::${account}:user/erin is not authorized to perform: iam:GetPolicy on resource: ${arn} because no identity-based policy allows the iam:GetPolicy action`,
    });
    const refusedWrite = await failure(erin.send(new CreatePolicyCommand({ PolicyName: "mine", PolicyDocument: READ })));
    expect(refusedWrite).toEqual({
      code: "AccessDenied",
      status: 403,
      message: `User: arn:aws:iam::${account}:user/erin is not authorized to perform: iam:CreatePolicy on resource: arn:aws:iam::${account}:policy/mine because no identity-based policy allows the iam:CreatePolicy action`,
    });
    const trail = await audited(account, "GetPolicy");
    expect(trail).toEqual([expect.objectContaining({ principalArn: `arn:aws:iam::${account}:user/erin`, resourceArn: arn, errorCode: "AccessDenied", readOnly: true })]);

    // Another account's policy: IAM never reaches across accounts, whatever that account holds.
    const other = await freshAccount();
    const theirs = (await createPolicy(other, { policyName: "theirs", path: "/", description: "", policyDocument: READ, tags: [] })).arn;
    const across = await failure(iam.send(new GetPolicyCommand({ PolicyArn: theirs })));
    expect(across).toEqual({
      code: "AccessDenied",
      status: 403,
      message: `User: arn:aws:iam::${account}:root is not authorized to perform: iam:GetPolicy on resource: ${theirs} because no resource-based policy allows the iam:GetPolicy action`,
    });
    const acrossDelete = await failure(iam.send(new DeletePolicyCommand({ PolicyArn: theirs })));
    expect(acrossDelete.code).toBe("AccessDenied");
  });
});

// IAM API Reference: DeletePolicy.
describe("DeletePolicy through the AWS endpoint (API_DeletePolicy)", () => {
  it("refuses while attached, a boundary, or with other versions (DeleteConflict), then deletes, logged and audited", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: "doomed", PolicyDocument: READ }))).Policy?.Arn ?? "";
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await attachPolicy("user", account, "dana", arn);
    const attached = await failure(iam.send(new DeletePolicyCommand({ PolicyArn: arn })));
    expect(attached).toEqual({ code: "DeleteConflict", status: 409, message: "Policy doomed cannot be deleted: it still has 1 user attachment. Remove them first." });

    await detachPolicy("user", account, "dana", arn);
    await putPermissionsBoundary("user", account, "dana", arn);
    expect((await failure(iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).message).toContain("1 permissions boundary use");
    await deletePermissionsBoundary("user", account, "dana");

    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow("s3:PutObject") }));
    const versions = await failure(iam.send(new DeletePolicyCommand({ PolicyArn: arn })));
    expect(versions).toMatchObject({ code: "DeleteConflict", status: 409 });
    expect(versions.message).toContain("1 non-default version");
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v2" }));

    const answer = await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect((await failure(iam.send(new GetPolicyCommand({ PolicyArn: arn })))).code).toBe("NoSuchEntity");
    expect((await failure(iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).code).toBe("NoSuchEntity");
    expect(await changes(account, "DeletePolicy")).toEqual([{ action: "DeletePolicy", targetArn: arn, summary: "Deleted policy doomed.", actorArn: `arn:aws:iam::${account}:root` }]);
    expect((await audited(account, "DeletePolicy")).map((event) => event.errorCode)).toEqual(["DeleteConflict", "DeleteConflict", "DeleteConflict", null, "NoSuchEntity"]);
  });

  it("refuses to delete an AWS managed policy with the data layer's refusal, and the refusal is audited", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const arn = awsPolicyArn("ReadOnlyAccess");
    const refused = await failure(iam.send(new DeletePolicyCommand({ PolicyArn: arn })));
    expect(refused).toEqual({ code: "ValidationError", status: 400, message: `${arn} is an AWS managed policy and cannot be modified; create a customer managed policy instead.` });
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.PolicyName).toBe("ReadOnlyAccess");
    expect(await audited(account, "DeletePolicy")).toEqual([expect.objectContaining({ resourceArn: arn, errorCode: "ValidationError" })]);
  });

  it("keeps arn:aws:iam::aws:policy/X apart from the account's own policy named X", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const own = (await iam.send(new CreatePolicyCommand({ PolicyName: "ReadOnlyAccess", Path: "/mine/", PolicyDocument: READ }))).Policy;
    const managed = (await iam.send(new GetPolicyCommand({ PolicyArn: awsPolicyArn("ReadOnlyAccess") }))).Policy;
    expect(managed?.PolicyId).not.toBe(own?.PolicyId);
    expect(managed?.DefaultVersionId).toBe("v3");
    // A write to the AWS managed one is refused; it must not reach the customer policy of that name.
    expect((await failure(iam.send(new DeletePolicyCommand({ PolicyArn: awsPolicyArn("ReadOnlyAccess") })))).code).toBe("ValidationError");
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::${account}:policy/mine/ReadOnlyAccess` }))).Policy?.PolicyId).toBe(own?.PolicyId);
  });
});
