import { beforeAll, describe, expect, it } from "vitest";
import { createGroup } from "@/lib/data/create-group";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { findPoliciesForAction as findPage, type PoliciesForAction } from "@/lib/data/find-policies-for-action";
import { actionPoliciesQuery } from "@/lib/schemas/catalog";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { IamError } from "@/lib/errors";
import { createGroupBody } from "@/lib/schemas/group";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { freshAccount } from "@/tests/support/identity";
import { everyAccount } from "@/tests/support/every-account";
import { allow, importTestManagedPolicies, trusting } from "@/tests/support/policies";

// The stand-in AWS managed policies (tests/support/policies.ts): AdministratorAccess (*),
// PowerUserAccess (NotAction iam:*, organizations:*, account:*), ReadOnlyAccess (s3:Get*, …) and
// AWSLambdaBasicExecutionRole (logs:*); plus this file's customer and inline policies.
let account: string;

const document = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

const DENY_REPORTS = document(
  { Sid: "ListAll", Effect: "Allow", Action: "s3:ListBucket", Resource: "*" },
  {
    Sid: "NoReportsOffNetwork",
    Effect: "Deny",
    Action: ["s3:GetObject", "s3:PutObject"],
    Resource: "arn:aws:s3:::reports/*",
    Condition: { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
  },
);

beforeAll(async () => {
  await importTestManagedPolicies();
  account = await freshAccount();
  await createPolicy(account, createPolicyInput.parse({ policyName: "DenyReportsOffNetwork", policyDocument: DENY_REPORTS }));
  await createUser(account, createUserBody.parse({ userName: "alice" }));
  await putInlinePolicy("user", account, "alice", "ReadReports", allow("s3:get*", "arn:aws:s3:::reports/*"));
  await createGroup(account, createGroupBody.parse({ groupName: "Ops" }));
  await putInlinePolicy("group", account, "Ops", "Logs", allow("logs:*"));
  await createRole(account, createRoleInput.parse({ roleName: "Builder", trustPolicy: trusting(`arn:aws:iam::${account}:root`) }));
  await putInlinePolicy("role", account, "Builder", "AllButS3", document({ Effect: "Allow", NotAction: "s3:*", Resource: "*" }));
});

/** The first page, or the page of the filters given (as the API reads them from the query). */
const findPoliciesForAction = async (action: string, query: Record<string, string> = {}) => findPage(action, actionPoliciesQuery.parse(query), await everyAccount());

const labels = (result: PoliciesForAction) =>
  result.items.map(({ policy }) => (policy.kind === "inline" ? `inline:${policy.owner?.kind}/${policy.owner?.name}/${policy.name}` : policy.name));

describe("findPoliciesForAction", () => {
  it("lists every policy whose Action or NotAction matches s3:GetObject, the console's own first", async () => {
    const result = await findPoliciesForAction("s3:GetObject");
    expect(result.action).toBe("s3:GetObject");
    expect(labels(result)).toEqual([
      "DenyReportsOffNetwork",
      "inline:user/alice/ReadReports",
      "AdministratorAccess",
      "PowerUserAccess",
      "ReadOnlyAccess",
    ]);
    expect(result.allowing).toBe(4);
    expect(result.denying).toBe(1);
    // Four AWS managed policies, one customer managed and three inline ones were looked at.
    expect(result.evaluated).toBe(8);
  });

  it("reports each matching statement with its index, effect, resources and conditions", async () => {
    const result = await findPoliciesForAction("s3:GetObject");
    const deny = result.items.find((p) => p.policy.name === "DenyReportsOffNetwork")!;
    expect(deny.policy).toMatchObject({ kind: "managed", awsManaged: false, accountId: account, versionId: "v1" });
    // Statement 0 allows s3:ListBucket only; it must not be reported for GetObject.
    expect(deny.statements).toEqual([
      {
        index: 1,
        sid: "NoReportsOffNetwork",
        effect: "Deny",
        viaNotAction: false,
        resources: ["arn:aws:s3:::reports/*"],
        notResource: false,
        limitedByResources: true,
        conditions: [{ operator: "NotIpAddress", key: "aws:SourceIp" }],
      },
    ]);
    const admin = result.items.find((p) => p.policy.name === "AdministratorAccess")!;
    expect(admin.policy).toMatchObject({ awsManaged: true, accountId: null, arn: "arn:aws:iam::aws:policy/AdministratorAccess" });
    expect(admin.statements[0]).toMatchObject({ effect: "Allow", limitedByResources: false, conditions: [] });
    const power = result.items.find((p) => p.policy.name === "PowerUserAccess")!;
    expect(power.statements[0]).toMatchObject({ viaNotAction: true, effect: "Allow" });
    const inline = result.items.find((p) => p.policy.kind === "inline")!;
    expect(inline.policy).toMatchObject({ accountId: account, owner: { kind: "user", name: "alice" }, arn: null });
  });

  it("leaves out a NotAction statement that names the action's service; sorts the console's own by name", async () => {
    const iam = await findPoliciesForAction("iam:CreateUser");
    expect(labels(iam)).toEqual(["inline:role/Builder/AllButS3", "AdministratorAccess"]);
    const logs = await findPoliciesForAction("logs:PutLogEvents");
    expect(labels(logs)).toEqual(["inline:role/Builder/AllButS3", "inline:group/Ops/Logs", "AdministratorAccess", "AWSLambdaBasicExecutionRole", "PowerUserAccess"]);
  });

  it("takes the action in any case and answers with the catalog's spelling", async () => {
    const result = await findPoliciesForAction("S3:getobject");
    expect(result.action).toBe("s3:GetObject");
    expect(result.items).toHaveLength(5);
    expect(result).toMatchObject({ total: 5, matching: 5, page: 1, pageSize: 25 });
  });

  it("filters by effect and by name while the counts stay whole", async () => {
    const deny = await findPoliciesForAction("s3:GetObject", { effect: "Deny" });
    expect(labels(deny)).toEqual(["DenyReportsOffNetwork"]);
    expect(deny).toMatchObject({ total: 1, matching: 5, allowing: 4, denying: 1 });
    const named = await findPoliciesForAction("s3:GetObject", { search: "ONLY" });
    expect(labels(named)).toEqual(["ReadOnlyAccess"]);
    const second = await findPoliciesForAction("s3:GetObject", { page: "2", pageSize: "2" });
    expect(labels(second)).toEqual(["AdministratorAccess", "PowerUserAccess"]);
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
  });

  it("refuses an action the catalog does not have with NoSuchEntity", async () => {
    const failure = await findPoliciesForAction("s3:GetEverything").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IamError);
    expect((failure as IamError).code).toBe("NoSuchEntity");
  });

  it("follows the data: a new default version and a new inline policy are seen at once", async () => {
    expect(labels(await findPoliciesForAction("s3:PutObject"))).toEqual(["DenyReportsOffNetwork", "AdministratorAccess", "PowerUserAccess"]);
    await createPolicyVersion(account, "DenyReportsOffNetwork", { policyDocument: allow("s3:ListBucket"), setAsDefault: true });
    await putInlinePolicy("user", account, "alice", "WriteDrafts", allow("s3:PutObject", "arn:aws:s3:::drafts/*"));
    const after = await findPoliciesForAction("s3:PutObject");
    expect(labels(after)).toEqual(["inline:user/alice/WriteDrafts", "AdministratorAccess", "PowerUserAccess"]);
    expect(after.denying).toBe(0);
  });
});
