import { beforeAll, describe, expect, it } from "vitest";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createPolicy } from "@/lib/data/create-policy";
import { createUser } from "@/lib/data/create-user";
import { getEffectivePermissions } from "@/lib/data/get-effective-permissions";
import { simulatePrincipal } from "@/lib/data/simulate-principal";
import { createPolicyInput } from "@/lib/schemas/policy";
import { simulateBody } from "@/lib/schemas/simulation";
import { createUserBody } from "@/lib/schemas/user";
import { freshAccount } from "@/tests/support/identity";

// The my_bucket lesson: the simulator names the statement that nearly allowed the request.
const MY_BUCKET = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "ReadMyBucket", Effect: "Allow", Action: ["s3:Get*", "s3:List*"], Resource: "arn:aws:s3:::my_bucket" }] });
let accountId: string;

beforeAll(async () => {
  accountId = await freshAccount();
  const policy = await createPolicy(accountId, createPolicyInput.parse({ policyName: "MyBucketReadOnly", policyDocument: MY_BUCKET }));
  await createUser(accountId, createUserBody.parse({ userName: "erin" }));
  await attachPolicy("user", accountId, "erin", policy.arn);
});

describe("simulatePrincipal: near misses", () => {
  it("explains the implicit deny of an object under a bucket-only statement, and none for the allowed row", async () => {
    const result = await simulatePrincipal(
      simulateBody.parse({ principal: { accountId, type: "user", name: "erin" }, actions: ["s3:GetObject", "s3:ListBucket"], resources: ["arn:aws:s3:::my_bucket/key.txt", "arn:aws:s3:::my_bucket"] }),
    );
    const denied = result.rows.find((r) => r.action === "s3:GetObject" && r.resource === "arn:aws:s3:::my_bucket/key.txt")!;
    expect(denied.decision).toBe("implicitDeny");
    expect(denied.nearMisses).toHaveLength(1);
    const [miss] = denied.nearMisses;
    expect(result.policies[miss.statement.policy].name).toBe("MyBucketReadOnly");
    expect(miss.statement).toMatchObject({ statement: 0, sid: "ReadMyBucket", effect: "Allow" });
    expect(miss.text).toContain("is an object, which that ARN does not cover — objects are arn:aws:s3:::my_bucket/*");
    const listed = result.rows.find((r) => r.action === "s3:ListBucket" && r.resource === "arn:aws:s3:::my_bucket")!;
    expect(listed).toMatchObject({ decision: "allowed", nearMisses: [] });
  });
});

describe("getEffectivePermissions: near misses", () => {
  it("flags s3:GetObject granted on the bucket ARN, which never covers an object, and not s3:ListBucket", async () => {
    const result = await getEffectivePermissions("user", accountId, "erin");
    if (result.kind !== "analyzed") throw new Error(result.kind);
    const s3 = result.services.find((service) => service.service === "s3")!;
    const misses = s3.accessLevels.flatMap((level) => level.groups.flatMap((group) => group.nearMisses ?? []));
    const getObject = misses.find((miss) => miss.action === "s3:GetObject");
    expect(getObject?.text).toBe("s3:GetObject acts on objects; arn:aws:s3:::my_bucket is the bucket, which does not cover its objects — objects are arn:aws:s3:::my_bucket/*");
    expect(misses.map((miss) => miss.action)).not.toContain("s3:ListBucket");
  });
});
