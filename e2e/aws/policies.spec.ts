import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  SetDefaultPolicyVersionCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
  type Policy,
} from "@aws-sdk/client-iam";
import { adminKeys, iamAt, PROD_ACCOUNT, uniqueName, expect, test } from "../support/aws";
import { IamApi } from "../support/iam-api";

// API-only: the real IAM client against the E2E server's /aws (IAM API Reference: CreatePolicy,
// GetPolicy, DeletePolicy, ListPolicies, the policy version operations, TagPolicy, UntagPolicy,
// ListPolicyTags, ListEntitiesForPolicy).

const allow = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

/** The AWS error code of a call that must fail. */
async function codeOf(call: Promise<unknown>): Promise<string> {
  const err = await call.then(
    () => null,
    (e: unknown) => e as { Code?: string; name: string },
  );
  expect(err, "the call was expected to fail").not.toBeNull();
  return err?.Code ?? err?.name ?? "";
}

test.describe("managed policies through the AWS endpoint", () => {
  test("a customer policy's life: create, read back, versions, tags, entities, delete", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-policies");
    const iam = iamAt(baseURL, admin);
    const name = uniqueName("aws-policy");
    const arn = `arn:aws:iam::${PROD_ACCOUNT}:policy/e2e/${name}`;
    const created = await iam.send(new CreatePolicyCommand({ PolicyName: name, Path: "/e2e/", PolicyDocument: allow("s3:GetObject"), Description: "E2E", Tags: [{ Key: "team", Value: "blue" }] }));
    expect(created.Policy).toMatchObject({ PolicyName: name, Arn: arn, Path: "/e2e/", DefaultVersionId: "v1", AttachmentCount: 0, IsAttachable: true });
    const read = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
    expect(read).toMatchObject({ PolicyId: created.Policy?.PolicyId, Description: "E2E", PermissionsBoundaryUsageCount: 0, Tags: [{ Key: "team", Value: "blue" }] });
    expect(read?.CreateDate).toBeInstanceOf(Date);
    expect(await codeOf(iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: allow("s3:GetObject") })))).toBe("EntityAlreadyExists");

    const v2 = allow("s3:PutObject");
    expect((await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: v2, SetAsDefault: true }))).PolicyVersion).toMatchObject({ VersionId: "v2", IsDefaultVersion: true });
    const version = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v2" }))).PolicyVersion;
    expect(decodeURIComponent(version?.Document ?? "")).toBe(v2);
    expect((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ["v2", true],
      ["v1", false],
    ]);
    expect(await codeOf(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v2" })))).toBe("DeleteConflict");
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe("v1");

    await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: "env", Value: "dev" }] }));
    await iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ["team"] }));
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags).toEqual([{ Key: "env", Value: "dev" }]);

    // Attached (through the console's API), the policy lists its user and cannot be deleted.
    const api = new IamApi(request);
    const holder = uniqueName("aws-holder");
    await api.createUser(holder);
    await api.attachUserPolicy(holder, arn);
    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
    expect(entities.PolicyUsers?.map((u) => u.UserName)).toEqual([holder]);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount).toBe(1);
    expect(await codeOf(iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).toBe("DeleteConflict");
    const detached = await request.delete(`/api/v1/accounts/${PROD_ACCOUNT}/users/${encodeURIComponent(holder)}/attached-policies?policyArn=${encodeURIComponent(arn)}`);
    expect(detached.status()).toBe(204);
    expect(await codeOf(iam.send(new DeletePolicyCommand({ PolicyArn: arn })))).toBe("DeleteConflict");
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v2" }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    expect(await codeOf(iam.send(new GetPolicyCommand({ PolicyArn: arn })))).toBe("NoSuchEntity");

    const actor = `arn:aws:iam::${PROD_ACCOUNT}:user/${admin.userName}`;
    const logged = (await api.changes()).filter((change) => change.targetArn === arn && change.actorArn === actor).map((change) => change.action);
    for (const action of ["CreatePolicy", "CreatePolicyVersion", "SetDefaultPolicyVersion", "TagPolicy", "UntagPolicy", "DeletePolicyVersion", "DeletePolicy"]) expect(logged).toContain(action);
  });

  test("refuses bad documents as AWS does, and every write to an AWS managed policy", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-policy-errors"));
    const name = uniqueName("aws-bad");
    expect(await codeOf(iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}' })))).toBe(
      "MalformedPolicyDocument",
    );
    const huge = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "S".repeat(6200), Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
    expect(await codeOf(iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: huge })))).toBe("LimitExceeded");

    const managed = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: managed }))).Policy;
    expect(policy).toMatchObject({ PolicyName: "ReadOnlyAccess", Arn: managed, IsAttachable: true });
    const version = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: managed, VersionId: policy?.DefaultVersionId ?? "v1" }))).PolicyVersion;
    expect(JSON.parse(decodeURIComponent(version?.Document ?? "{}"))).toHaveProperty("Statement");
    expect(await codeOf(iam.send(new DeletePolicyCommand({ PolicyArn: managed })))).toBe("ValidationError");
    expect(await codeOf(iam.send(new CreatePolicyVersionCommand({ PolicyArn: managed, PolicyDocument: allow("s3:GetObject") })))).toBe("ValidationError");
    expect(await codeOf(iam.send(new TagPolicyCommand({ PolicyArn: managed, Tags: [{ Key: "a", Value: "b" }] })))).toBe("ValidationError");
    expect(await codeOf(iam.send(new GetPolicyCommand({ PolicyArn: "arn:aws:iam::210987654321:policy/elsewhere" })))).toBe("AccessDenied");
  });

  test("ListPolicies pages the AWS managed policies in the database without repeats", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-policy-pager"));
    const seen: Policy[] = [];
    const sizes: number[] = [];
    let marker: string | undefined;
    do {
      const answer = await iam.send(new ListPoliciesCommand({ Scope: "AWS", MaxItems: 400, Marker: marker }));
      sizes.push(answer.Policies?.length ?? 0);
      seen.push(...(answer.Policies ?? []));
      marker = answer.IsTruncated ? answer.Marker : undefined;
    } while (marker);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(sizes.slice(0, -1).every((size) => size === 400)).toBe(true);
    expect(new Set(seen.map((p) => p.Arn)).size).toBe(seen.length);
    expect(seen.every((p) => p.Arn?.startsWith("arn:aws:iam::aws:policy/"))).toBe(true);
    expect(seen.map((p) => p.Arn)).toContain("arn:aws:iam::aws:policy/AdministratorAccess");
    // The administrator's own AdministratorAccess attachment shows with OnlyAttached.
    const attached = (await iam.send(new ListPoliciesCommand({ Scope: "AWS", OnlyAttached: true }))).Policies ?? [];
    expect(attached.find((p) => p.PolicyName === "AdministratorAccess")?.AttachmentCount).toBeGreaterThanOrEqual(1);
  });
});
