/**
 * Near-miss hints judge ARNs against the real catalog's resource types with the linter's matching:
 * names that legitimately hold "/" (log streams, secrets, role paths) are no near miss, while a
 * bucket ARN granted for an object action is ("Policy resources for Amazon S3";
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 */
import { describe, expect, it } from "vitest";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { resourceTypeHint, unreachableGrant } from "./near-miss-hints";

const catalog = loadCatalogIndex();

describe("near-miss hints on the real catalog", () => {
  it.each([
    ["logs:GetLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders:log-stream:2024/01/01/abc"],
    ["secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db/password-AbCdEf"],
    ["iam:PassRole", "arn:aws:iam::123456789012:role/service-role/MyRole"],
  ])("%s granted on %s can apply", (action, arn) => {
    expect(unreachableGrant(catalog, action, arn)).toBeNull();
    expect(resourceTypeHint(catalog, action, arn)).not.toBeNull();
  });

  it("a bucket ARN granted for an object action never applies, and says where objects are", () => {
    expect(unreachableGrant(catalog, "s3:GetObject", "arn:aws:s3:::my_bucket")).toMatchObject({ bucketObject: { objectsArn: "arn:aws:s3:::my_bucket/*" } });
    expect(unreachableGrant(catalog, "s3:ListBucket", "arn:aws:s3:::my_bucket/key.txt")).toMatchObject({ bucketObject: null });
    // A pattern with a wildcard might fit: it is left alone.
    expect(unreachableGrant(catalog, "s3:ListBucket", "arn:aws:s3:::my_bucket/*")).toBeNull();
    expect(resourceTypeHint(catalog, "s3:GetObject", "arn:aws:s3:::my_bucket/key.txt")).toMatchObject({ name: "object" });
  });
});
