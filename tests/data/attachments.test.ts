import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createGroup } from "@/lib/data/create-group";
import { createPolicy } from "@/lib/data/create-policy";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { deletePermissionsBoundary } from "@/lib/data/delete-permissions-boundary";
import { deleteUser } from "@/lib/data/delete-user";
import { detachPolicy } from "@/lib/data/detach-policy";
import { getRole } from "@/lib/data/get-role";
import { listAttachedPolicies } from "@/lib/data/list-attached-policies";
import { listPolicies } from "@/lib/data/list-policies";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import type { PolicyHolderKind } from "@/lib/data/policy-holders";
import { createGroupBody } from "@/lib/schemas/group";
import { createPolicyInput, listPoliciesQuery } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { events, freshAccount } from "@/tests/support/identity";
import { allow, awsPolicyArn, importTestManagedPolicies, trusting } from "@/tests/support/policies";

let accountId: string;
beforeAll(importTestManagedPolicies);
beforeEach(async () => {
  accountId = await freshAccount();
  await createUser(accountId, createUserBody.parse({ userName: "ann" }));
  await createGroup(accountId, createGroupBody.parse({ groupName: "devs" }));
  await createRole(accountId, createRoleInput.parse({ roleName: "ops", trustPolicy: trusting(`arn:aws:iam::${accountId}:root`) }));
});

const HOLDERS: [PolicyHolderKind, string][] = [["user", "ann"], ["group", "devs"], ["role", "ops"]];
const newPolicy = (accountIdOf: string, policyName: string) =>
  createPolicy(accountIdOf, createPolicyInput.parse({ policyName, policyDocument: allow(`s3:${policyName}`) }));
const countOf = async (arn: string) => (await db().policy.findUniqueOrThrow({ where: { arn } })).attachmentCount;
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e instanceof IamError ? e.code : String(e)),
  );

describe("attach and detach", () => {
  it.each(HOLDERS)("keeps the attachment count right for a %s, attaching twice changing nothing", async (kind, name) => {
    const policy = await newPolicy(accountId, "GetObject");
    await attachPolicy(kind, accountId, name, policy.arn);
    await attachPolicy(kind, accountId, name.toUpperCase(), policy.arn);
    expect(await countOf(policy.arn)).toBe(1);
    expect(await listAttachedPolicies(kind, accountId, name)).toEqual([{ policyName: "GetObject", arn: policy.arn, awsManaged: false }]);
    await detachPolicy(kind, accountId, name, policy.arn);
    expect(await countOf(policy.arn)).toBe(0);
    expect(await codeOf(detachPolicy(kind, accountId, name, policy.arn))).toBe("NoSuchEntity");
    const actions = (await events(accountId)).map((e) => e.action);
    const word = kind[0].toUpperCase() + kind.slice(1);
    expect(actions.filter((a) => a === `Attach${word}Policy`)).toHaveLength(1);
    expect(actions).toContain(`Detach${word}Policy`);
  });

  it.each(HOLDERS)("allows at most ten managed policies on a %s", async (kind, name) => {
    for (let i = 0; i < 10; i++) await attachPolicy(kind, accountId, name, (await newPolicy(accountId, `P${i}`)).arn);
    const eleventh = await newPolicy(accountId, "P10");
    expect(await codeOf(attachPolicy(kind, accountId, name, eleventh.arn))).toBe("LimitExceeded");
    expect(await countOf(eleventh.arn)).toBe(0);
    // Re-attaching one already attached is still fine at the limit.
    expect(await codeOf(attachPolicy(kind, accountId, name, (await listAttachedPolicies(kind, accountId, name))[0].arn))).toBe("resolved");
  });

  it("names a missing policy, and hides other accounts' customer policies", async () => {
    const missing = `arn:aws:iam::${accountId}:policy/Nope`;
    const error = (await attachPolicy("user", accountId, "ann", missing).catch((e: unknown) => e)) as IamError;
    expect(error.code).toBe("NoSuchEntity");
    expect(error.message).toContain(missing);
    const other = await freshAccount();
    const theirs = await newPolicy(other, "Theirs");
    expect(await codeOf(attachPolicy("user", accountId, "ann", theirs.arn))).toBe("NoSuchEntity");
    expect(await codeOf(attachPolicy("user", accountId, "nobody", awsPolicyArn("ReadOnlyAccess")))).toBe("NoSuchEntity");
  });

  it("keeps the count right through any sequence of attaches, detaches and a forced user delete", async () => {
    const policy = await newPolicy(accountId, "Prop");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ holder: fc.constantFrom(...HOLDERS), attach: fc.boolean() }), { maxLength: 12 }),
        async (steps) => {
          for (const { holder: [kind, name], attach } of steps) {
            const op = attach ? attachPolicy(kind, accountId, name, policy.arn) : detachPolicy(kind, accountId, name, policy.arn);
            await op.catch((e: unknown) => {
              if (!(e instanceof IamError && e.code === "NoSuchEntity")) throw e;
            });
          }
          const actual =
            (await db().userPolicyAttachment.count({ where: { policyId: policy.policyId } })) +
            (await db().groupPolicyAttachment.count({ where: { policyId: policy.policyId } })) +
            (await db().rolePolicyAttachment.count({ where: { policyId: policy.policyId } }));
          expect(await countOf(policy.arn)).toBe(actual);
        },
      ),
      { numRuns: 15 },
    );
    await attachPolicy("user", accountId, "ann", policy.arn);
    const before = await countOf(policy.arn);
    await deleteUser(accountId, "ann", { force: true });
    expect(await countOf(policy.arn)).toBe(before - 1);
  });
});

describe("permissions boundaries", () => {
  it("sets, replaces and removes a user's or role's boundary", async () => {
    const mine = await newPolicy(accountId, "Fence");
    expect(await putPermissionsBoundary("role", accountId, "ops", mine.arn)).toEqual({ arn: mine.arn, name: "Fence" });
    await putPermissionsBoundary("role", accountId, "ops", awsPolicyArn("PowerUserAccess"));
    expect((await getRole(accountId, "ops")).permissionsBoundaryArn).toBe(awsPolicyArn("PowerUserAccess"));
    await putPermissionsBoundary("user", accountId, "ann", mine.arn);
    await deletePermissionsBoundary("user", accountId, "ann");
    expect(await codeOf(deletePermissionsBoundary("user", accountId, "ann"))).toBe("NoSuchEntity");
    // A boundary is not an attachment.
    expect(await countOf(mine.arn)).toBe(0);
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["PutRolePermissionsBoundary", "PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary"]));
  });

  it("refuses another account's policy", async () => {
    const theirs = await newPolicy(await freshAccount(), "Theirs");
    expect(await codeOf(putPermissionsBoundary("user", accountId, "ann", theirs.arn))).toBe("NoSuchEntity");
  });
});

describe("ListPolicies", () => {
  const list = (query: Record<string, string>) => listPolicies(accountId, listPoliciesQuery.parse(query));

  it("scopes to AWS managed, this account's, or both, and counts attachments per account", async () => {
    await newPolicy(accountId, "Alpha");
    await newPolicy(accountId, "Beta");
    await newPolicy(await freshAccount(), "Gamma");
    expect((await list({ scope: "Local" })).items.map((p) => p.policyName)).toEqual(["Alpha", "Beta"]);
    const aws = await list({ scope: "AWS", pageSize: "100" });
    expect(aws.items.every((p) => p.awsManaged)).toBe(true);
    const all = await list({ pageSize: "100" });
    expect(all.total).toBe(aws.total + 2);
    expect(all.items.map((p) => p.policyName)).not.toContain("Gamma");

    // Another account's use of an AWS managed policy is not this account's.
    const other = await freshAccount();
    await createUser(other, createUserBody.parse({ userName: "x" }));
    await attachPolicy("user", other, "x", awsPolicyArn("ReadOnlyAccess"));
    await attachPolicy("group", accountId, "devs", awsPolicyArn("AdministratorAccess"));
    await attachPolicy("role", accountId, "ops", awsPolicyArn("AdministratorAccess"));
    await attachPolicy("user", accountId, "ann", (await list({ search: "beta" })).items[0].arn);
    const attached = await list({ onlyAttached: "true" });
    expect(attached.items.map((p) => [p.policyName, p.attachmentCount])).toEqual([
      ["AdministratorAccess", 2],
      ["Beta", 1],
    ]);
    const readOnly = (await list({ scope: "AWS", search: "readonly" })).items[0];
    expect(readOnly.attachmentCount).toBe(0);
  });

  it("sorts by attachments, name, and pages", async () => {
    for (const name of ["Alpha", "Beta", "Gamma"]) await newPolicy(accountId, name);
    await attachPolicy("user", accountId, "ann", `arn:aws:iam::${accountId}:policy/Gamma`);
    await attachPolicy("group", accountId, "devs", `arn:aws:iam::${accountId}:policy/Gamma`);
    await attachPolicy("role", accountId, "ops", `arn:aws:iam::${accountId}:policy/Beta`);
    const byCount = await list({ scope: "Local", sort: "attachments", order: "desc" });
    expect(byCount.items.map((p) => p.policyName)).toEqual(["Gamma", "Beta", "Alpha"]);
    const page2 = await list({ scope: "Local", sort: "attachments", order: "asc", pageSize: "2", page: "2" });
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((p) => p.policyName)).toEqual(["Gamma"]);
    const desc = await list({ scope: "Local", order: "desc" });
    expect(desc.items.map((p) => p.policyName)).toEqual(["Gamma", "Beta", "Alpha"]);
    expect((await list({ search: "AMM" })).items.map((p) => p.policyName)).toEqual(["Gamma"]);
  });
});
