/**
 * The size quota as a live finding, per kind of document: IAM counts characters without white
 * space (managed policy 6,144, role trust policy 2,048, inline 2,048 / 5,120 / 10,240 for a
 * user / group / role). https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
import { describe, expect, it } from "vitest";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { defaultSizeLimit, lintPolicy, lintPolicySize, POLICY_SIZE_LIMITS } from "@/lib/iam/client";
import { diagnosePolicy } from "./diagnostics";
import { inlinePolicySizeLimit } from "./size-limits";

const catalog = loadCatalogIndex();
const CODE = "PolicySizeExceedsQuota";

/** A compact document of exactly `size` characters (it has no white space to leave out). */
function documentOfSize(size: number, trust = false): string {
  const statement = (sid: string) =>
    trust
      ? { Sid: sid, Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }
      : { Sid: sid, Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" };
  const text = (sid: string) => JSON.stringify({ Version: "2012-10-17", Statement: [statement(sid)] });
  const base = text("").length;
  const result = text("A".repeat(size - base));
  expect(result.length).toBe(size);
  return result;
}

/** The same document spread over many lines: white space does not count. */
const spread = (text: string) => JSON.stringify(JSON.parse(text), null, 8);

describe("the size quota per kind of document", () => {
  const kinds = [
    { quota: "managed policy", kind: "identity", limit: POLICY_SIZE_LIMITS.managedPolicy, options: {} },
    { quota: "role trust policy", kind: "trust", limit: POLICY_SIZE_LIMITS.trustPolicy, options: {} },
    { quota: "user inline", kind: "identity", limit: POLICY_SIZE_LIMITS.userInline, options: { sizeLimit: inlinePolicySizeLimit("users") } },
    { quota: "group inline", kind: "identity", limit: POLICY_SIZE_LIMITS.groupInline, options: { sizeLimit: inlinePolicySizeLimit("groups") } },
    { quota: "role inline", kind: "identity", limit: POLICY_SIZE_LIMITS.roleInline, options: { sizeLimit: inlinePolicySizeLimit("roles") } },
  ] as const;

  it.each(kinds)("$quota: $limit characters fit, one more is an error naming both figures", ({ kind, limit, options }) => {
    const trust = kind === "trust";
    const fits = documentOfSize(limit, trust);
    expect(diagnosePolicy(fits, kind, catalog, options).map((f) => f.code)).not.toContain(CODE);
    expect(diagnosePolicy(spread(fits), kind, catalog, options).map((f) => f.code)).not.toContain(CODE);
    const over = diagnosePolicy(spread(documentOfSize(limit + 1, trust)), kind, catalog, options).find((f) => f.code === CODE);
    expect(over).toMatchObject({ source: "lint", severity: "error", path: "" });
    expect(over?.message).toContain(`${limit + 1} characters long without white space, over the quota of ${limit}`);
    expect(over?.range).toMatchObject({ startLine: 1, startColumn: 1 });
  });

  it("holds identity policies and boundaries to a managed policy's quota by default, trust policies to theirs, and SCPs to none here", () => {
    expect(defaultSizeLimit("identity")).toBe(6_144);
    expect(defaultSizeLimit("boundary")).toBe(6_144);
    expect(defaultSizeLimit("trust")).toBe(2_048);
    expect(defaultSizeLimit("scp")).toBeUndefined();
    expect(diagnosePolicy(documentOfSize(10_000), "scp", catalog).map((f) => f.code)).not.toContain(CODE);
  });

  it("shows at once: before the catalog loads, and while the text does not parse", () => {
    const big = spread(documentOfSize(12_178));
    expect(diagnosePolicy(big, "identity", undefined).map((f) => f.code)).toEqual([CODE]);
    const broken = `${big.slice(0, -3)}\n  `;
    const codes = diagnosePolicy(broken, "identity", catalog).map((f) => f.code);
    expect(codes).toContain(CODE);
    expect(codes).toContain("JsonSyntax");
    expect(lintPolicySize("\n\n   {", 0)[0]?.range).toEqual({ startLine: 3, startColumn: 4, endLine: 3, endColumn: 5 });
  });

  it("is reported once, and lintPolicy still checks it when asked", () => {
    const big = documentOfSize(7_000);
    expect(diagnosePolicy(big, "identity", catalog).filter((f) => f.code === CODE)).toHaveLength(1);
    expect(lintPolicy(big, "identity", catalog, { sizeLimit: 6_144 }).map((f) => f.code)).toContain(CODE);
    expect(lintPolicySize(big, undefined)).toEqual([]);
  });
});
