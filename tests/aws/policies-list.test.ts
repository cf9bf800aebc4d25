import { beforeAll, describe, expect, it } from "vitest";
import { CreatePolicyCommand, CreateUserCommand, ListPoliciesCommand, type ListPoliciesCommandInput, type Policy } from "@aws-sdk/client-iam";
import type { IAMClient } from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createRole } from "@/lib/data/create-role";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { importManagedPolicies, type ManagedPolicyRecord } from "@/prisma/seed/import-managed-policies";
import { iamClient, userCredentials } from "@/tests/support/aws";
import { trusting } from "@/tests/support/policies";
import { allow, audited, awsPolicyArn, failure, rootOfFreshAccount } from "@/tests/aws/policies-support";

const READ = allow("s3:GetObject");

/** Stand-ins for the console's ~1,400 AWS managed policies: enough for several pages. */
const GENERATED: ManagedPolicyRecord[] = Array.from({ length: 40 }, (_, i) => {
  const name = `${i % 2 === 0 ? "Amazon" : "aws"}Generated${String(i).padStart(2, "0")}Access`;
  return {
    name,
    path: i % 5 === 0 ? "/job-function/" : "/",
    arn: `arn:aws:iam::aws:policy${i % 5 === 0 ? "/job-function/" : "/"}${name}`,
    defaultVersionId: "v1",
    document: READ,
    createdAt: new Date("2019-01-01T00:00:00Z"),
    updatedAt: new Date("2021-01-01T00:00:00Z"),
    versionCreatedAt: new Date("2021-01-01T00:00:00Z"),
  };
});

/** Every page of a listing: the policies in order, and how many pages it took. */
async function allPages(iam: IAMClient, input: ListPoliciesCommandInput): Promise<{ policies: Policy[]; pages: number }> {
  const policies: Policy[] = [];
  let marker: string | undefined;
  let pages = 0;
  do {
    const answer = await iam.send(new ListPoliciesCommand({ ...input, Marker: marker }));
    policies.push(...(answer.Policies ?? []));
    marker = answer.IsTruncated ? answer.Marker : undefined;
    if (answer.IsTruncated) expect(answer.Marker).toBeTruthy();
    pages++;
  } while (marker);
  return { policies, pages };
}

const names = (policies: Policy[]) => policies.map((policy) => policy.PolicyName);
const byNameThenCustomer = (a: Policy, b: Policy) => {
  const [x, y] = [a.PolicyName?.toLowerCase() ?? "", b.PolicyName?.toLowerCase() ?? ""];
  return x < y ? -1 : x > y ? 1 : (a.Arn?.includes("::aws:") ? 1 : 0) - (b.Arn?.includes("::aws:") ? 1 : 0);
};

beforeAll(async () => {
  await importManagedPolicies(db(), GENERATED);
});

// IAM API Reference: ListPolicies (Scope, OnlyAttached, PathPrefix, PolicyUsageFilter, Marker, MaxItems).
describe("ListPolicies through the AWS endpoint (API_ListPolicies)", () => {
  it("pages Scope=AWS through several pages without repeats or gaps, in name order", async () => {
    const { iam } = await rootOfFreshAccount();
    const awsCount = await db().policy.count({ where: { awsManaged: true } });
    expect(awsCount).toBe(44);
    const { policies, pages } = await allPages(iam, { Scope: "AWS", MaxItems: 10 });
    expect(pages).toBe(5);
    expect(new Set(policies.map((policy) => policy.Arn)).size).toBe(awsCount);
    expect(policies).toHaveLength(awsCount);
    expect(policies.every((policy) => policy.Arn?.startsWith("arn:aws:iam::aws:policy/"))).toBe(true);
    expect(names(policies)).toEqual(names([...policies].sort(byNameThenCustomer)));
    // One page of the default size holds them all.
    const whole = await iam.send(new ListPoliciesCommand({ Scope: "AWS" }));
    expect([whole.Policies?.length, whole.IsTruncated, whole.Marker]).toEqual([44, false, undefined]);
  });

  it("answers the Policy type's listed fields (no Description, no Tags) and keeps a customer policy apart from the AWS managed one of its name across pages", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const created = (await iam.send(new CreatePolicyCommand({ PolicyName: "ReadOnlyAccess", Path: "/mine/", PolicyDocument: READ, Description: "Mine", Tags: [{ Key: "a", Value: "b" }] }))).Policy;
    await iam.send(new CreatePolicyCommand({ PolicyName: "zeta", PolicyDocument: READ }));
    const local = await iam.send(new ListPoliciesCommand({ Scope: "Local" }));
    expect(local.Policies).toEqual([
      {
        PolicyName: "ReadOnlyAccess",
        PolicyId: created?.PolicyId,
        Arn: `arn:aws:iam::${account}:policy/mine/ReadOnlyAccess`,
        Path: "/mine/",
        DefaultVersionId: "v1",
        AttachmentCount: 0,
        PermissionsBoundaryUsageCount: 0,
        IsAttachable: true,
        CreateDate: created?.CreateDate,
        UpdateDate: created?.UpdateDate,
      },
      expect.objectContaining({ PolicyName: "zeta", Arn: `arn:aws:iam::${account}:policy/zeta` }),
    ]);

    const { policies, pages } = await allPages(iam, { MaxItems: 1 });
    expect(pages).toBe(46);
    expect(new Set(policies.map((policy) => policy.Arn)).size).toBe(46);
    const readOnly = policies.filter((policy) => policy.PolicyName === "ReadOnlyAccess").map((policy) => policy.Arn);
    expect(readOnly).toEqual([`arn:aws:iam::${account}:policy/mine/ReadOnlyAccess`, awsPolicyArn("ReadOnlyAccess")]);
    // Another account's customer policies are never listed.
    const { iam: otherIam } = await rootOfFreshAccount();
    expect(names((await otherIam.send(new ListPoliciesCommand({ Scope: "Local" }))).Policies ?? [])).toEqual([]);
  });

  it("filters by OnlyAttached, PolicyUsageFilter and PathPrefix with this account's counts", async () => {
    const { account, iam } = await rootOfFreshAccount();
    const mine = (await iam.send(new CreatePolicyCommand({ PolicyName: "attached-here", PolicyDocument: READ }))).Policy?.Arn ?? "";
    const capped = (await iam.send(new CreatePolicyCommand({ PolicyName: "the-cap", PolicyDocument: READ }))).Policy?.Arn ?? "";
    await iam.send(new CreatePolicyCommand({ PolicyName: "unused", PolicyDocument: READ }));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await createRole(account, { roleName: "app", path: "/", description: "", trustPolicy: trusting(`arn:aws:iam::${account}:root`), maxSessionDuration: 3600, tags: [] });
    await attachPolicy("user", account, "dana", mine);
    await attachPolicy("role", account, "app", mine);
    await attachPolicy("role", account, "app", awsPolicyArn("PowerUserAccess"));
    await putPermissionsBoundary("user", account, "dana", capped);
    await putPermissionsBoundary("role", account, "app", awsPolicyArn("ReadOnlyAccess"));
    // Attached in another account only: not attached here.
    const { account: other } = await rootOfFreshAccount();
    await createRole(other, { roleName: "elsewhere", path: "/", description: "", trustPolicy: trusting(`arn:aws:iam::${other}:root`), maxSessionDuration: 3600, tags: [] });
    await attachPolicy("role", other, "elsewhere", awsPolicyArn("AdministratorAccess"));

    const attached = (await iam.send(new ListPoliciesCommand({ OnlyAttached: true }))).Policies ?? [];
    expect(attached.map((p) => [p.PolicyName, p.AttachmentCount, p.PermissionsBoundaryUsageCount])).toEqual([
      ["attached-here", 2, 0],
      ["PowerUserAccess", 1, 0],
    ]);
    expect(names((await iam.send(new ListPoliciesCommand({ OnlyAttached: true, Scope: "AWS" }))).Policies ?? [])).toEqual(["PowerUserAccess"]);
    expect(names((await iam.send(new ListPoliciesCommand({ PolicyUsageFilter: "PermissionsPolicy", Scope: "Local" }))).Policies ?? [])).toEqual(["attached-here"]);
    const boundaries = (await iam.send(new ListPoliciesCommand({ PolicyUsageFilter: "PermissionsBoundary" }))).Policies ?? [];
    expect(boundaries.map((p) => [p.PolicyName, p.AttachmentCount, p.PermissionsBoundaryUsageCount])).toEqual([
      ["ReadOnlyAccess", 0, 1],
      ["the-cap", 0, 1],
    ]);
    expect(names((await iam.send(new ListPoliciesCommand({ PolicyUsageFilter: "PermissionsBoundary", OnlyAttached: true }))).Policies ?? [])).toEqual([]);

    const serviceRoles = (await iam.send(new ListPoliciesCommand({ PathPrefix: "/service-role/" }))).Policies ?? [];
    expect(serviceRoles.map((p) => p.Arn)).toEqual([awsPolicyArn("AWSLambdaBasicExecutionRole")]);
    const jobFunctions = await allPages(iam, { Scope: "AWS", PathPrefix: "/job-function/", MaxItems: 3 });
    expect([jobFunctions.policies.length, jobFunctions.pages]).toEqual([8, 3]);
    expect(jobFunctions.policies.every((p) => p.Path === "/job-function/")).toBe(true);
  });

  it("answers ValidationError for bad parameters and AccessDenied with the engine's words, audited as a refused read", async () => {
    const { account, iam } = await rootOfFreshAccount();
    expect((await failure(iam.send(new ListPoliciesCommand({ Scope: "Everything" as never })))).code).toBe("ValidationError");
    expect((await failure(iam.send(new ListPoliciesCommand({ MaxItems: 0 })))).code).toBe("ValidationError");
    expect((await failure(iam.send(new ListPoliciesCommand({ MaxItems: 1001 })))).code).toBe("ValidationError");
    expect((await failure(iam.send(new ListPoliciesCommand({ PolicyUsageFilter: "Inline" as never })))).code).toBe("ValidationError");
    expect((await failure(iam.send(new ListPoliciesCommand({ Marker: "bm90LWEtbWFya2Vy" })))).code).toBe("ValidationError");
    expect((await failure(iam.send(new ListPoliciesCommand({ PathPrefix: "job-function" })))).code).toBe("ValidationError");

    await iam.send(new CreateUserCommand({ UserName: "erin" }));
    const erin = iamClient(await userCredentials(account, "erin"));
    expect(await failure(erin.send(new ListPoliciesCommand({})))).toEqual({
      code: "AccessDenied",
      status: 403,
      message: `User: arn:aws:iam::${account}:user/erin is not authorized to perform: iam:ListPolicies on resource: * because no identity-based policy allows the iam:ListPolicies action`,
    });
    expect((await audited(account, "ListPolicies")).map((event) => [event.principalArn, event.errorCode, event.readOnly])).toEqual([
      [`arn:aws:iam::${account}:user/erin`, "AccessDenied", true],
    ]);
  });
});
