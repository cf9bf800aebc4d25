import { beforeAll, describe, expect, it } from "vitest";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { listAssumableRoles, listRoleAssumers } from "@/lib/data/assumable-roles";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createGroup } from "@/lib/data/create-group";
import { createPolicy } from "@/lib/data/create-policy";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { whoCan } from "@/lib/data/who-can";
import { createGroupBody } from "@/lib/schemas/group";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { whoCanQuery, type WhoCanResult } from "@/lib/schemas/who-can";
import { freshAccount } from "@/tests/support/identity";
import { everyAccount } from "@/tests/support/every-account";
import { allow, awsPolicyArn, importTestManagedPolicies } from "@/tests/support/policies";

// A small acme-prod: Admins (carol), Developers (bob, who may switch to RoleName), ReadOnly
// (alice); a second account whose role trusts the first with MFA; and a user elsewhere.
let prod: string;
let other: string;

const trust = (principal: string, condition?: object) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }] });

async function group(accountId: string, name: string, arns: string[], members: string[]) {
  await createGroup(accountId, createGroupBody.parse({ groupName: name }));
  for (const arn of arns) await attachPolicy("group", accountId, name, arn);
  for (const member of members) await addUserToGroup(accountId, name, member);
}

beforeAll(async () => {
  await importTestManagedPolicies();
  prod = await freshAccount();
  other = await freshAccount();
  for (const name of ["alice", "bob", "carol"]) await createUser(prod, createUserBody.parse({ userName: name }));
  const assume = await createPolicy(prod, createPolicyInput.parse({ policyName: "AssumeRoleName", policyDocument: allow("sts:AssumeRole", `arn:aws:iam::${prod}:role/RoleName`) }));
  await group(prod, "Admins", [awsPolicyArn("AdministratorAccess")], ["carol"]);
  await group(prod, "Developers", [awsPolicyArn("PowerUserAccess"), assume.arn], ["bob"]);
  await group(prod, "ReadOnly", [awsPolicyArn("ReadOnlyAccess")], ["alice"]);
  await createRole(prod, createRoleInput.parse({ roleName: "RoleName", trustPolicy: trust(`arn:aws:iam::${prod}:root`) }));
  await putInlinePolicy("role", prod, "RoleName", "ReadReports", allow("s3:GetObject", "arn:aws:s3:::reports/*"));
  await createRole(other, createRoleInput.parse({ roleName: "Auditor", trustPolicy: trust(`arn:aws:iam::${prod}:root`, { Bool: { "aws:MultiFactorAuthPresent": "true" } }) }));
  await createUser(other, createUserBody.parse({ userName: "olga" }));
  await attachPolicy("user", other, "olga", awsPolicyArn("AdministratorAccess"));
});

const ask = async (query: Record<string, string>) => whoCan(whoCanQuery.parse(query), await everyAccount());
const namesIn = (result: WhoCanResult, accountId: string) => result.items.filter((p) => p.accountId === accountId).map((p) => `${p.kind}:${p.name}`);

describe("whoCan", () => {
  it("explains near misses when only the account root is allowed (the root holds every permission of its account)", async () => {
    const lone = await freshAccount();
    await createUser(lone, createUserBody.parse({ userName: "erin" }));
    await putInlinePolicy("user", lone, "erin", "BucketOnly", allow("s3:GetObject", "arn:aws:s3:::my_bucket"));
    const result = await ask({ action: "s3:GetObject", resource: "arn:aws:s3:::my_bucket/key.txt", resourceAccount: lone });
    expect(namesIn(result, lone)).toEqual(["root:account root"]);
    // The resource's account first; other accounts' statements on other buckets follow.
    expect(result.nearMisses[0].principal).toMatchObject({ accountId: lone, name: "erin" });
    expect(result.nearMisses[0].text).toContain("objects are arn:aws:s3:::my_bucket/*");
    // With a user allowed, there is nothing to explain.
    const read = await ask({ action: "s3:GetObject", resource: "arn:aws:s3:::reports/q1.csv", resourceAccount: prod });
    expect(read.nearMisses).toEqual([]);
  });

  it("lists the Admins' members and the account root for iam:CreateUser, not Developers, ReadOnly or other accounts", async () => {
    const result = await ask({ action: "iam:CreateUser", resource: `arn:aws:iam::${prod}:user/new-user` });
    expect(namesIn(result, prod)).toEqual(["root:account root", "user:carol"]);
    expect(namesIn(result, other)).toEqual([]);
    const carol = result.items.find((p) => p.name === "carol")!;
    expect(carol.paths).toEqual([
      expect.objectContaining({ via: "group", group: "Admins", statements: [expect.objectContaining({ policy: expect.objectContaining({ name: "AdministratorAccess" }), statement: 0 })] }),
    ]);
    expect(result.evaluated.accounts).toBeGreaterThanOrEqual(2);
  });

  it("finds principals through a role they can assume, with the trust and the role's statements", async () => {
    const result = await ask({ action: "s3:GetObject", resource: "arn:aws:s3:::reports/q1.csv", resourceAccount: prod });
    expect(namesIn(result, prod)).toEqual(["root:account root", "user:alice", "user:bob", "user:carol", "role:RoleName"]);
    const bob = result.items.find((p) => p.name === "bob")!;
    expect(bob.paths.map((path) => path.via)).toEqual(["group", "role"]);
    const viaRole = bob.paths[1];
    expect(viaRole.role?.name).toBe("RoleName");
    // PowerUserAccess's NotAction also leaves bob sts:AssumeRole; the trust policy lets the account in.
    expect(viaRole.statements.map((s) => `${s.policy.kind}:${s.policy.name}`).sort()).toEqual([
      "inline:ReadReports",
      "managed:AssumeRoleName",
      "managed:PowerUserAccess",
      "trust:Trust policy",
    ]);
    // alice has no sts permission: ReadOnly gives her the object directly, no role path.
    expect(result.items.find((p) => p.name === "alice")!.paths.map((path) => path.via)).toEqual(["group"]);
  });

  it("judges sts:AssumeRole on a stored role with its trust policy, across accounts only with MFA", async () => {
    const resource = `arn:aws:iam::${other}:role/Auditor`;
    const without = await ask({ action: "sts:AssumeRole", resource });
    expect(namesIn(without, prod)).toEqual([]);
    const withMfa = await ask({ action: "sts:AssumeRole", resource, context: "aws:MultiFactorAuthPresent=true" });
    // PowerUserAccess leaves sts:* to bob; AdministratorAccess to carol; alice has no sts action.
    expect(namesIn(withMfa, prod)).toEqual(["user:bob", "user:carol"]);
    // The trust policy names no principal of its own account, and root users cannot assume roles.
    expect(namesIn(withMfa, other)).toEqual([]);
  });
});

describe("whoCan through a chain of roles", () => {
  // Role chaining: dana may assume Hop; Hop's sessions may assume Target, which alone may read
  // the table. Target trusts Hop by name, so nobody else reaches it; Hop trusts the account.
  // "Methods to assume a role" (role chaining):
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage-assume.html
  let chain: string;
  const table = () => `arn:aws:dynamodb:us-east-1:${chain}:table/Orders`;
  beforeAll(async () => {
    chain = await freshAccount();
    await createUser(chain, createUserBody.parse({ userName: "dana" }));
    await createUser(chain, createUserBody.parse({ userName: "eve" }));
    await putInlinePolicy("user", chain, "dana", "AssumeHop", allow("sts:AssumeRole", `arn:aws:iam::${chain}:role/Hop`));
    await putInlinePolicy("user", chain, "eve", "AssumeTarget", allow("sts:AssumeRole", `arn:aws:iam::${chain}:role/Target`));
    await createRole(chain, createRoleInput.parse({ roleName: "Hop", trustPolicy: trust(`arn:aws:iam::${chain}:root`) }));
    await putInlinePolicy("role", chain, "Hop", "AssumeTarget", allow("sts:AssumeRole", `arn:aws:iam::${chain}:role/Target`));
    await createRole(chain, createRoleInput.parse({ roleName: "Target", trustPolicy: trust(`arn:aws:iam::${chain}:role/Hop`) }));
    await putInlinePolicy("role", chain, "Target", "ReadOrders", allow("dynamodb:GetItem", `arn:aws:dynamodb:us-east-1:${chain}:table/Orders`));
    // A cycle: Target may assume Hop back; the search must still end.
    await putInlinePolicy("role", chain, "Target", "AssumeHop", allow("sts:AssumeRole", `arn:aws:iam::${chain}:role/Hop`));
  });

  it("lists the role, the role that may assume it and the user who may assume that one, with the chain", async () => {
    const result = await ask({ action: "dynamodb:GetItem", resource: table() });
    expect(namesIn(result, chain)).toEqual(["root:account root", "user:dana", "role:Hop", "role:Target"]);
    const dana = result.items.find((p) => p.name === "dana")!;
    expect(dana.paths.map((path) => [path.via, path.chain.map((role) => role.name)])).toEqual([["role", ["Hop", "Target"]]]);
    expect(dana.paths[0].role?.name).toBe("Hop");
    expect(dana.paths[0].statements.map((s) => `${s.policy.kind}:${s.policy.name}`)).toEqual([
      "inline:AssumeHop",
      "trust:Trust policy",
      "inline:AssumeTarget",
      "trust:Trust policy",
      "inline:ReadOrders",
    ]);
    expect(result.items.find((p) => p.name === "Hop")!.paths.map((path) => path.chain.map((role) => role.name))).toEqual([["Target"]]);
    expect(result.items.find((p) => p.name === "Target")!.paths.map((path) => path.via)).toEqual(["direct"]);
    // eve's own policy allows sts:AssumeRole on Target, but Target's trust policy names only Hop.
    expect(namesIn(result, chain)).not.toContain("user:eve");
  });
});

describe("assumable roles", () => {
  const firstPage = { page: 1, pageSize: 25, conditionalPage: 1 };

  it("lists the roles a user may assume, with the statements and what each grants", async () => {
    const bob = await listAssumableRoles(prod, "bob", {}, firstPage, await everyAccount());
    expect(bob.items.map((r) => r.role.name)).toEqual(["RoleName"]);
    expect(bob).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    expect(bob.items[0].statements.map((s) => `${s.policy.kind}:${s.policy.name}`).sort()).toEqual(["managed:AssumeRoleName", "managed:PowerUserAccess", "trust:Trust policy"]);
    expect(bob.items[0].grants.map((g) => g.name)).toEqual(["ReadReports"]);
    expect(bob.conditional.items.map((c) => [c.role.name, c.missingContextValues])).toEqual([["Auditor", ["aws:MultiFactorAuthPresent"]]]);
    expect(bob.conditional.total).toBe(1);
    expect((await listAssumableRoles(prod, "alice", {}, firstPage, await everyAccount())).items).toEqual([]);
  });

  it("lists who may assume a role, in any account", async () => {
    const assumers = await listRoleAssumers(prod, "RoleName", {}, firstPage, await everyAccount());
    expect(assumers.items.map((a) => `${a.kind}:${a.name}`)).toEqual(["user:bob", "user:carol"]);
    const auditor = await listRoleAssumers(other, "Auditor", { "aws:MultiFactorAuthPresent": "true" }, firstPage, await everyAccount());
    expect(auditor.items.map((a) => `${a.name}:${a.crossAccount}`)).toEqual(["bob:true", "carol:true"]);
  });
});
