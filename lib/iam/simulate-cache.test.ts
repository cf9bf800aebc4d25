import { describe, expect, it } from "vitest";
import { createDocumentCache, createEvaluator, prepareRequest } from "./simulate";
import { ALICE, allow, deny, policy } from "./test-support";

// A DocumentCache shared by several prepared requests (the simulator's rows) validates and
// compiles each document once; the decisions are those of requests prepared on their own.
// Evaluation logic: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html

const identity = JSON.stringify(policy(allow("s3:*"), deny("s3:DeleteObject", "arn:aws:s3:::locked/*")));
const bucketPolicy = JSON.stringify(policy({ Effect: "Allow", Principal: { AWS: ALICE }, Action: "s3:GetObject", Resource: "*" }));
const request = (action: string, resource: string, resourcePolicy: string | null) => ({
  principal: { arn: ALICE },
  identityPolicies: [identity],
  resourcePolicy,
  action,
  resource,
});

function decide(raw: ReturnType<typeof request>, cache?: ReturnType<typeof createDocumentCache>) {
  const prepared = prepareRequest(raw, "evaluate", cache);
  if (!prepared.ok) throw new Error(prepared.error);
  return { prepared, result: createEvaluator(prepared).evaluate(raw.action, raw.resource, {}) };
}

describe("prepareRequest with a DocumentCache", () => {
  it("compiles a document shared by two requests once and decides as without the cache", () => {
    const cache = createDocumentCache();
    const first = decide(request("s3:GetObject", "arn:aws:s3:::open/k", bucketPolicy), cache);
    const second = decide(request("s3:DeleteObject", "arn:aws:s3:::locked/k", null), cache);
    expect(second.prepared.compiled.identity[0]).toBe(first.prepared.compiled.identity[0]);
    expect(cache.compiled.size).toBe(2);
    expect(first.result.decision).toBe(decide(request("s3:GetObject", "arn:aws:s3:::open/k", bucketPolicy)).result.decision);
    expect(second.result).toEqual(decide(request("s3:DeleteObject", "arn:aws:s3:::locked/k", null)).result);
    expect(second.result.decision).toBe("explicitDeny");
  });

  it("judges a cached document by the kind of each request: a role's trust policy for sts:AssumeRole", () => {
    // A trust policy has no Resource; the same text is a resource-based policy missing one elsewhere.
    const trust = JSON.stringify(policy({ Effect: "Allow", Principal: { AWS: ALICE }, Action: "sts:AssumeRole" }));
    const cache = createDocumentCache();
    const role = "arn:aws:iam::111122223333:role/Deploy";
    const assume = decide(request("sts:AssumeRole", role, trust), cache);
    const other = decide(request("s3:GetObject", "arn:aws:s3:::b/k", trust), cache);
    expect(assume.result.decision).toBe("allowed");
    expect(other.result.decision).toBe(decide(request("s3:GetObject", "arn:aws:s3:::b/k", trust)).result.decision);
    // One validation per kind the document was judged as: identity, then trust and resource.
    expect([...cache.validated.keys()]).toEqual(["identity", "trust", "resource"]);
    expect(cache.validated.get("trust")?.get(trust)).toEqual([]);
    expect(other.result.decision).toBe("invalidPolicy");
  });
});
