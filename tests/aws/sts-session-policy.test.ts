import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mergeSessionPolicies, packedPolicySize, PACKED_LIMIT_BYTES } from "@/lib/aws/sts/session-policy";
import { simulate, validatePolicy } from "@/lib/iam";

// STS API Reference, AssumeRole: Policy and PolicyArns are the session policies ("The resulting
// session's permissions are the intersection of the role's identity-based policy and the session
// policies"), packed with the session tags into a form with its own limit (PackedPolicySize).
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html

const decide = (sessionPolicy: string | null, action: string, resource = "*") =>
  simulate({
    principal: { arn: "arn:aws:sts::111122223333:assumed-role/R/s", tags: {} },
    identityPolicies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }],
    sessionPolicy,
    action,
    resource,
    context: { "aws:username": "x" },
  });

describe("the session's one policy made of several session policies", () => {
  it("keeps a single document as written, and none as null", () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}';
    expect(mergeSessionPolicies([text])).toBe(text);
    expect(mergeSessionPolicies([])).toBeNull();
  });

  it("allows what any of them allows and denies what any denies, with unique Sids, as one valid document", () => {
    const merged = mergeSessionPolicies([
      { Version: "2012-10-17", Statement: [{ Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] },
      { Version: "2012-10-17", Statement: { Sid: "A", Effect: "Allow", Action: "ec2:*", Resource: "*" } },
      { Version: "2012-10-17", Statement: [{ Sid: "A", Effect: "Deny", Action: "ec2:TerminateInstances", Resource: "*" }] },
    ]);
    expect(merged).not.toBeNull();
    expect(validatePolicy(merged as string, "session").errors).toEqual([]);
    expect((JSON.parse(merged as string) as { Statement: { Sid: string }[] }).Statement.map((statement) => statement.Sid)).toEqual(["A", "A2", "A3"]);
    const decision = (action: string) => {
      const outcome = decide(merged, action);
      return outcome.ok ? outcome.result.decision : outcome.error;
    };
    expect(decision("s3:GetObject")).toBe("allowed");
    expect(decision("ec2:DescribeInstances")).toBe("allowed");
    expect(decision("ec2:TerminateInstances")).toBe("explicitDeny");
    expect(decision("iam:ListUsers")).toBe("implicitDeny");
  });

  it("keeps ${…} plain text in a document without Version 2012-10-17, as it was on its own", () => {
    const merged = mergeSessionPolicies([
      { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::home/${aws:username}" }] },
      { Version: "2008-10-17", Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::literal/${aws:username}" }] },
    ]) as string;
    const decision = (action: string, resource: string) => {
      const outcome = decide(merged, action, resource);
      return outcome.ok ? outcome.result.decision : outcome.error;
    };
    expect(decision("s3:GetObject", "arn:aws:s3:::home/x")).toBe("allowed");
    expect(decision("s3:PutObject", "arn:aws:s3:::literal/x")).toBe("implicitDeny");
    expect(decision("s3:PutObject", "arn:aws:s3:::literal/${aws:username}")).toBe("allowed");
  });
});

describe("PackedPolicySize", () => {
  it("is a small percentage for a short policy and grows with the tags, past 100 for 50 long random tags", () => {
    const small = packedPolicySize('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}', [], {});
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(10);
    const random = (length: number) => randomBytes(length / 2).toString("hex");
    const tags = Object.fromEntries(Array.from({ length: 50 }, () => [random(128), random(256)]));
    expect(packedPolicySize(undefined, [], tags)).toBeGreaterThan(100);
    expect(PACKED_LIMIT_BYTES).toBe(2048);
  });
});
