import { describe, expect, it } from "vitest";
import { accountRootArn, arnAccount, assumedRoleArn, awsManagedPolicyArn, federatedUserArn, isRoleArn, parseIamArn, userArn } from "./arn";

describe("ARNs", () => {
  it("builds the console's ARNs in AWS's shapes", () => {
    expect(userArn("123456789012", "/eng/", "ann")).toBe("arn:aws:iam::123456789012:user/eng/ann");
    expect(awsManagedPolicyArn("/service-role/", "AWSLambdaRole")).toBe("arn:aws:iam::aws:policy/service-role/AWSLambdaRole");
    expect(accountRootArn("123456789012")).toBe("arn:aws:iam::123456789012:root");
    expect(assumedRoleArn("123456789012", "Deploy", "ci")).toBe("arn:aws:sts::123456789012:assumed-role/Deploy/ci");
    expect(federatedUserArn("123456789012", "ann")).toBe("arn:aws:sts::123456789012:federated-user/ann");
  });

  it("reads back what it builds, path and name apart", () => {
    expect(parseIamArn(userArn("123456789012", "/eng/ops/", "ann"))).toEqual({ partition: "aws", accountId: "123456789012", kind: "user", path: "/eng/ops/", name: "ann" });
    expect(parseIamArn(awsManagedPolicyArn("/", "ReadOnlyAccess"))).toEqual({ partition: "aws", accountId: "aws", kind: "policy", path: "/", name: "ReadOnlyAccess" });
    expect(parseIamArn("arn:aws-cn:iam::123456789012:role/Deploy")).toMatchObject({ partition: "aws-cn", kind: "role", name: "Deploy" });
  });

  it("reads no entity from other ARNs", () => {
    for (const arn of ["*", "arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:mfa/phone", "arn:aws:iam::123456789012:user/eng/", "arn:aws:s3:::bucket/key", "arn:aws:sts::123456789012:assumed-role/Deploy/ci"]) {
      expect(parseIamArn(arn), arn).toBeNull();
    }
  });

  it("tells role ARNs and the account an ARN names", () => {
    expect(isRoleArn("arn:aws:iam::123456789012:role/path/Deploy")).toBe(true);
    expect(isRoleArn("arn:aws:iam::123456789012:user/Deploy")).toBe(false);
    expect(arnAccount("arn:aws:dynamodb:eu-west-1:123456789012:table/orders")).toBe("123456789012");
    expect(arnAccount("arn:aws:iam::aws:policy/ReadOnlyAccess")).toBeNull();
    expect(arnAccount("arn:aws:s3:::bucket")).toBeNull();
  });
});
