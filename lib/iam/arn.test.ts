import { describe, expect, it } from "vitest";
import { accountRootArn, arnAccount, assumedRoleArn, awsManagedPolicyArn, federatedUserArn, isAccountId, isRoleArn, parseIamArn, parseRootArn, parseStsArn, userArn } from "./arn";

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

  it("reads root and STS session ARNs, and nothing else as them", () => {
    expect(parseRootArn(accountRootArn("123456789012"))).toEqual({ partition: "aws", accountId: "123456789012" });
    expect(parseStsArn(assumedRoleArn("123456789012", "Deploy", "ci"))).toEqual({ partition: "aws", accountId: "123456789012", kind: "assumed-role", roleName: "Deploy", sessionName: "ci" });
    expect(parseStsArn(federatedUserArn("123456789012", "ann"))).toEqual({ partition: "aws", accountId: "123456789012", kind: "federated-user", name: "ann" });
    for (const arn of ["arn:aws:iam::123456789012:root/x", "arn:aws:iam::aws:root", "arn:aws:sts::123456789012:assumed-role/Deploy", "arn:aws:sts::123456789012:assumed-role/a/b/c", "arn:aws:sts::123456789012:federated-user/", userArn("123456789012", "/", "ann")]) {
      expect([parseRootArn(arn), parseStsArn(arn)], arn).toEqual([null, null]);
    }
    expect([isAccountId("123456789012"), isAccountId("12345678901"), isAccountId("aws")]).toEqual([true, false, false]);
  });
});
