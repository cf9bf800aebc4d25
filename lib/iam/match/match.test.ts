import { describe, expect, it } from "vitest";
import { parseCaller } from "../principal";
import { compileActionPatterns, actionName } from "./action";
import { compilePrincipal } from "./principal";
import { compileResourcePatterns } from "./resource";

const noContext = new Map<string, string>();

describe("Action patterns (IAM JSON policy elements: Action)", () => {
  const cases: [string[], string, boolean][] = [
    [["s3:GetObject"], "s3:GetObject", true],
    [["s3:GetObject"], "S3:getobject", true],
    [["S3:GETOBJECT"], "s3:GetObject", true],
    [["s3:Get*"], "s3:GetObjectAcl", true],
    [["s3:Get*"], "s3:PutObject", false],
    [["s3:*"], "s3:PutObject", true],
    [["s3:*"], "s3-object-lambda:GetObject", false],
    [["*"], "iam:CreateUser", true],
    [["s3:*Object"], "s3:PutObject", true],
    [["s3:*Object"], "s3:PutObjectAcl", false],
    [["s3:Get?bject"], "s3:GetObject", true],
    [["s3:Get?bject"], "s3:Getbject", false],
    [["*:List*"], "ec2:ListImages", true],
    [["s3*:Get*"], "s3-object-lambda:GetObject", true],
    [["ec2:Describe*", "s3:List*"], "s3:ListBucket", true],
  ];
  it.each(cases)("%j matches %s: %s", (patterns, action, expected) => {
    expect(compileActionPatterns(patterns).matches(actionName(action))).toBe(expected);
  });

  it("reports per-service coverage for sweeps", () => {
    const patterns = compileActionPatterns(["s3:*", "ec2:Describe*", "iam:GetUser"]);
    expect(patterns.coverage("s3")).toBe("all");
    expect(patterns.coverage("ec2")).toBe("some");
    expect(patterns.coverage("iam")).toBe("some");
    expect(patterns.coverage("kms")).toBe("none");
    expect(compileActionPatterns(["*"]).coverage("kms")).toBe("all");
    expect(compileActionPatterns(["*:Get*"]).coverage("kms")).toBe("some");
  });
});

describe("Resource patterns (IAM JSON policy elements: Resource, Using wildcards in resource ARNs)", () => {
  const cases: [string, string, boolean][] = [
    ["arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c.txt", true],
    ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/key", false],
    ["arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/key", false],
    ["arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket/1/2/test/3/object.jpg", true],
    ["arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket/1-test/object.jpg", false],
    ["arn:aws:s3:::example?bucket/*", "arn:aws:s3:::example1bucket/k", true],
    ["arn:aws:s3:::example?bucket/*", "arn:aws:s3:::examplebucket/k", false],
    ["arn:aws:ec2:*:111122223333:instance/*", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", true],
    ["arn:aws:ec2:*:111122223333:instance/*", "arn:aws:ec2:eu-west-1:444455556666:instance/i-1", false],
    // A `*` ending a segment may run past colons...
    ["arn:aws:logs:*:*:log-group:/aws/lambda/app-*", "arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/app-x:log-stream:s", true],
    // ...one inside a segment may not.
    ["arn:aws:logs:*:*:log-group:a*b", "arn:aws:logs:eu-west-1:1:log-group:a:x:b", false],
    ["arn:aws:logs:*:*:log-group:a*b", "arn:aws:logs:eu-west-1:1:log-group:a-x-b", true],
    ["*", "*", true],
    ["*", "arn:aws:s3:::anything", true],
    ["arn:aws:s3:::*", "*", false],
  ];
  it.each(cases)("%s covers %s: %s", (pattern, resource, expected) => {
    expect(compileResourcePatterns([pattern], true).matches(resource, noContext)).toBe(expected);
  });

  describe("policy variables (IAM policy elements: Variables and tags)", () => {
    const context = new Map([
      ["aws:username", "alice"],
      ["aws:principaltag/team", "blue"],
    ]);
    it("substitutes the key's value", () => {
      const patterns = compileResourcePatterns(["arn:aws:iam::*:user/${aws:username}"], true);
      expect(patterns.matches("arn:aws:iam::1:user/alice", context)).toBe(true);
      expect(patterns.matches("arn:aws:iam::1:user/bob", context)).toBe(false);
    });
    it("key names in variables are case-insensitive", () => {
      const patterns = compileResourcePatterns(["arn:aws:s3:::b/${AWS:PrincipalTag/TEAM}/*"], true);
      expect(patterns.matches("arn:aws:s3:::b/blue/x", context)).toBe(true);
    });
    it("a missing key without default makes the pattern match nothing", () => {
      const patterns = compileResourcePatterns(["arn:aws:s3:::b/${aws:PrincipalTag/cost}/*", "arn:aws:s3:::other/*"], true);
      expect(patterns.matches("arn:aws:s3:::b//x", context)).toBe(false);
      expect(patterns.matches("arn:aws:s3:::other/x", context)).toBe(true);
      expect(patterns.variableKeys).toEqual([{ name: "aws:PrincipalTag/cost", lower: "aws:principaltag/cost" }]);
    });
    it("a default stands in for a missing key", () => {
      const patterns = compileResourcePatterns(["arn:aws:s3:::b/${aws:PrincipalTag/cost, 'shared'}/*"], true);
      expect(patterns.matches("arn:aws:s3:::b/shared/x", context)).toBe(true);
    });
    it("${*}, ${?} and ${$} are literal characters", () => {
      const patterns = compileResourcePatterns(["arn:aws:s3:::b/${*}${?}${$}"], true);
      expect(patterns.matches("arn:aws:s3:::b/*?$", context)).toBe(true);
      expect(patterns.matches("arn:aws:s3:::b/xy$", context)).toBe(false);
    });
    it("a substituted value is literal, not a wildcard", () => {
      const patterns = compileResourcePatterns(["arn:aws:s3:::b/${aws:PrincipalTag/team}"], true);
      const starred = new Map([["aws:principaltag/team", "*"]]);
      expect(patterns.matches("arn:aws:s3:::b/blue", starred)).toBe(false);
      expect(patterns.matches("arn:aws:s3:::b/*", starred)).toBe(true);
    });
    it("without Version 2012-10-17 a variable is plain text", () => {
      const patterns = compileResourcePatterns(["arn:aws:iam::*:user/${aws:username}"], false);
      expect(patterns.matches("arn:aws:iam::1:user/alice", context)).toBe(false);
      expect(patterns.matches("arn:aws:iam::1:user/${aws:username}", context)).toBe(true);
    });
  });
});

describe("Principal and NotPrincipal (AWS JSON policy elements: Principal, NotPrincipal)", () => {
  const caller = (arn: string) => {
    const identity = parseCaller({ arn, tags: {} });
    if (!identity) throw new Error(arn);
    return identity;
  };
  const alice = caller("arn:aws:iam::111122223333:user/alice");
  const session = caller("arn:aws:sts::111122223333:assumed-role/Deploy/ci");
  const root = caller("arn:aws:iam::111122223333:root");
  const outsider = caller("arn:aws:iam::444455556666:user/alice");

  const cases: [string, unknown, typeof alice, string | null][] = [
    ['"*" names everyone', "*", alice, "everyone"],
    ['{"AWS": "*"} names everyone', { AWS: "*" }, outsider, "everyone"],
    ["the user ARN names the user directly", { AWS: "arn:aws:iam::111122223333:user/alice" }, alice, "direct"],
    ["a user ARN in another account does not", { AWS: "arn:aws:iam::111122223333:user/alice" }, outsider, null],
    ["an account id names the account", { AWS: "111122223333" }, alice, "account"],
    ["the root ARN names the account", { AWS: "arn:aws:iam::111122223333:root" }, alice, "account"],
    ["the role ARN names its sessions", { AWS: "arn:aws:iam::111122223333:role/Deploy" }, session, "role"],
    ["a role ARN with a path names its sessions", { AWS: "arn:aws:iam::111122223333:role/team/Deploy" }, session, "role"],
    ["the session ARN names the session directly", { AWS: ["arn:aws:sts::111122223333:assumed-role/Deploy/ci"] }, session, "direct"],
    ["another session of the role is not named by a session ARN", { AWS: "arn:aws:sts::111122223333:assumed-role/Deploy/other" }, session, null],
    ["the root user is named by its account", { AWS: "111122223333" }, root, "direct"],
    ["a service principal names no IAM caller", { Service: "lambda.amazonaws.com" }, alice, null],
    ["a federated principal names no IAM caller", { Federated: "cognito-identity.amazonaws.com" }, alice, null],
    ["a canonical user names no IAM caller", { CanonicalUser: "79a59df900b949e55d96a1e698fbace" }, alice, null],
  ];
  it.each(cases)("%s", (_name, element, who, expected) => {
    expect(compilePrincipal(element).names(who)).toBe(expected);
  });

  it("NotPrincipal excludes a user only with the user's account listed too", () => {
    expect(compilePrincipal({ AWS: ["arn:aws:iam::111122223333:user/alice"] }).excludes(alice)).toBe(false);
    expect(compilePrincipal({ AWS: ["arn:aws:iam::111122223333:user/alice", "111122223333"] }).excludes(alice)).toBe(true);
  });

  it("NotPrincipal excludes a session only with the session, role and account listed", () => {
    const partial = { AWS: ["arn:aws:iam::111122223333:role/Deploy", "arn:aws:iam::111122223333:root"] };
    const full = { AWS: [...partial.AWS, "arn:aws:sts::111122223333:assumed-role/Deploy/ci"] };
    expect(compilePrincipal(partial).excludes(session)).toBe(false);
    expect(compilePrincipal(full).excludes(session)).toBe(true);
  });
});
