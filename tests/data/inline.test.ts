import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import { createGroup } from "@/lib/data/create-group";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { getInlinePolicy } from "@/lib/data/get-inline-policy";
import { listInlinePolicies } from "@/lib/data/list-inline-policies";
import type { PolicyHolderKind } from "@/lib/data/policy-holders";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createGroupBody } from "@/lib/schemas/group";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { events, freshAccount } from "@/tests/support/identity";
import { allow, policyOfSize, trusting } from "@/tests/support/policies";

let accountId: string;
beforeEach(async () => {
  accountId = await freshAccount();
  await createUser(accountId, createUserBody.parse({ userName: "ann" }));
  await createGroup(accountId, createGroupBody.parse({ groupName: "devs" }));
  await createRole(accountId, createRoleInput.parse({ roleName: "ops", trustPolicy: trusting(`arn:aws:iam::${accountId}:root`) }));
});

const HOLDERS: [PolicyHolderKind, string, number][] = [
  ["user", "ann", 2048],
  ["group", "devs", 5120],
  ["role", "ops", 10240],
];
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as IamError,
  );

describe("inline policies", () => {
  it.each(HOLDERS)("creates, replaces (name in any case), reads, lists and deletes on a %s", async (kind, name) => {
    const first = await putInlinePolicy(kind, accountId, name, "ReadLogs", allow("logs:Get*"));
    expect(first).toMatchObject({ policyName: "ReadLogs", document: allow("logs:Get*") });
    const text = allow("logs:*") + "\n";
    await putInlinePolicy(kind, accountId, name, "readlogs", text);
    await putInlinePolicy(kind, accountId, name, "Another", allow("s3:ListBucket"));
    const listed = await listInlinePolicies(kind, accountId, name);
    expect(listed.map((p) => [p.policyName, p.document])).toEqual([
      ["Another", allow("s3:ListBucket")],
      ["ReadLogs", text],
    ]);
    expect((await getInlinePolicy(kind, accountId, name, "READLOGS")).document).toBe(text);
    await deleteInlinePolicy(kind, accountId, name, "ReadLogs");
    expect((await failure(getInlinePolicy(kind, accountId, name, "ReadLogs"))).code).toBe("NoSuchEntity");
    expect((await failure(deleteInlinePolicy(kind, accountId, name, "ReadLogs"))).code).toBe("NoSuchEntity");
    const word = kind[0].toUpperCase() + kind.slice(1);
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions.filter((a) => a === `Put${word}Policy`)).toHaveLength(3);
    expect(actions).toContain(`Delete${word}Policy`);
  });

  it.each(HOLDERS.map(([kind, name, limit]) => ({ kind, name, limit })))(
    "caps the sum of the inline documents of a $kind at $limit characters without white space",
    async ({ kind, name, limit }) => {
    const half = Math.floor(limit / 2);
    await putInlinePolicy(kind, accountId, name, "One", policyOfSize(half));
    await putInlinePolicy(kind, accountId, name, "Two", policyOfSize(limit - half));
    const over = await failure(putInlinePolicy(kind, accountId, name, "Three", allow("s3:ListBucket")));
    expect(over.code).toBe("LimitExceeded");
    expect(over.message).toContain(String(limit));
    // Replacing a document counts the new one instead of the old.
    await putInlinePolicy(kind, accountId, name, "Two", allow("s3:ListBucket"));
    expect((await listInlinePolicies(kind, accountId, name)).map((p) => p.policyName)).toEqual(["One", "Two"]);
    },
  );

  it("refuses malformed documents with their issues and writes nothing", async () => {
    const trustLike = trusting("arn:aws:iam::111122223333:root");
    const error = await failure(putInlinePolicy("user", accountId, "ann", "Bad", trustLike));
    expect(error.code).toBe("MalformedPolicyDocument");
    expect(error.issues?.length).toBeGreaterThan(0);
    const syntax = await failure(putInlinePolicy("role", accountId, "ops", "Bad", '{"Version": "2012-10-17", "Statement": [}'));
    expect(syntax.code).toBe("MalformedPolicyDocument");
    expect(syntax.issues?.[0]).toMatchObject({
      code: "JsonSyntax",
      range: { startLine: 1, startColumn: 41, endLine: 1, endColumn: 42 },
    });
    expect(await db().userInlinePolicy.count({ where: { user: { accountId } } })).toBe(0);
    expect(await db().roleInlinePolicy.count({ where: { role: { accountId } } })).toBe(0);
  });

  it("reports a missing user, group or role", async () => {
    for (const kind of ["user", "group", "role"] as const) {
      expect((await failure(putInlinePolicy(kind, accountId, "ghost", "P", allow("s3:*")))).code).toBe("NoSuchEntity");
    }
  });
});
