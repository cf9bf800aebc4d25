/**
 * Every condition operator family, table-driven. Sources:
 * "IAM JSON policy elements: Condition operators" (CO) and "Single-valued vs. multivalued
 * context keys" (SVMV) in the IAM User Guide.
 */
import { describe, expect, it } from "vitest";
import type { ContextValue } from "../types";
import { compileCondition, type CompileIssue } from "./compile";

type Row = [string, Record<string, unknown>, Record<string, ContextValue>, boolean];

function holds(block: Record<string, unknown>, context: Record<string, ContextValue>, substitute = true): boolean {
  const issues: CompileIssue[] = [];
  const condition = compileCondition(block, substitute, "Condition", issues);
  expect(issues).toEqual([]);
  const lookup = new Map(Object.entries(context).map(([key, value]) => [key.toLowerCase(), value]));
  return condition!.test(lookup);
}

function table(rows: Row[]) {
  it.each(rows)("%s", (_name, block, context, expected) => {
    expect(holds(block, context)).toBe(expected);
  });
}

describe("String operators (CO: String condition operators)", () => {
  table([
    ["StringEquals matches exactly", { StringEquals: { "aws:username": "alice" } }, { "aws:username": "alice" }, true],
    ["StringEquals is case-sensitive", { StringEquals: { "aws:username": "Alice" } }, { "aws:username": "alice" }, false],
    ["StringEquals: several values OR", { StringEquals: { "aws:username": ["bob", "alice"] } }, { "aws:username": "alice" }, true],
    ["StringEquals: missing key is false", { StringEquals: { "aws:username": "alice" } }, {}, false],
    ["StringEquals does not treat * as a wildcard", { StringEquals: { "s3:prefix": "home/*" } }, { "s3:prefix": "home/x" }, false],
    ["StringNotEquals: other value", { StringNotEquals: { "aws:username": "bob" } }, { "aws:username": "alice" }, true],
    ["StringNotEquals: same value", { StringNotEquals: { "aws:username": "alice" } }, { "aws:username": "alice" }, false],
    ["StringNotEquals: several values NOR", { StringNotEquals: { "aws:username": ["bob", "alice"] } }, { "aws:username": "alice" }, false],
    ["StringNotEquals: missing key is true", { StringNotEquals: { "aws:username": "alice" } }, {}, true],
    ["StringEqualsIgnoreCase", { StringEqualsIgnoreCase: { "aws:username": "ALICE" } }, { "aws:username": "alice" }, true],
    ["StringNotEqualsIgnoreCase: same but for case", { StringNotEqualsIgnoreCase: { "aws:username": "ALICE" } }, { "aws:username": "alice" }, false],
    ["StringNotEqualsIgnoreCase: missing key", { StringNotEqualsIgnoreCase: { "aws:username": "ALICE" } }, {}, true],
    ["StringLike with *", { StringLike: { "s3:prefix": "home/*" } }, { "s3:prefix": "home/alice/docs" }, true],
    ["StringLike with ?", { StringLike: { "s3:prefix": "h?me" } }, { "s3:prefix": "home" }, true],
    ["StringLike ? is exactly one character", { StringLike: { "s3:prefix": "h?me" } }, { "s3:prefix": "hme" }, false],
    ["StringLike is case-sensitive", { StringLike: { "s3:prefix": "HOME/*" } }, { "s3:prefix": "home/x" }, false],
    ["StringNotLike: matching value", { StringNotLike: { "s3:prefix": "home/*" } }, { "s3:prefix": "home/x" }, false],
    ["StringNotLike: other value", { StringNotLike: { "s3:prefix": "home/*" } }, { "s3:prefix": "work/x" }, true],
    ["StringNotLike: missing key", { StringNotLike: { "s3:prefix": "home/*" } }, {}, true],
  ]);
});

describe("Numeric operators (CO: Numeric condition operators)", () => {
  table([
    ["NumericEquals", { NumericEquals: { "s3:max-keys": "10" } }, { "s3:max-keys": "10" }, true],
    ["NumericEquals compares numbers, not text", { NumericEquals: { "s3:max-keys": "10" } }, { "s3:max-keys": "10.0" }, true],
    ["NumericEquals takes a JSON number", { NumericEquals: { "s3:max-keys": 10 } }, { "s3:max-keys": "10" }, true],
    ["NumericNotEquals", { NumericNotEquals: { "s3:max-keys": "10" } }, { "s3:max-keys": "11" }, true],
    ["NumericNotEquals: equal", { NumericNotEquals: { "s3:max-keys": "10" } }, { "s3:max-keys": "10" }, false],
    ["NumericNotEquals: missing key", { NumericNotEquals: { "s3:max-keys": "10" } }, {}, true],
    ["NumericLessThan", { NumericLessThan: { "s3:max-keys": "10" } }, { "s3:max-keys": "9" }, true],
    ["NumericLessThan: equal", { NumericLessThan: { "s3:max-keys": "10" } }, { "s3:max-keys": "10" }, false],
    ["NumericLessThanEquals", { NumericLessThanEquals: { "s3:max-keys": "10" } }, { "s3:max-keys": "10" }, true],
    ["NumericGreaterThan", { NumericGreaterThan: { "s3:max-keys": "10" } }, { "s3:max-keys": "10.5" }, true],
    ["NumericGreaterThanEquals", { NumericGreaterThanEquals: { "s3:max-keys": "10" } }, { "s3:max-keys": "9" }, false],
    ["NumericEquals: a non-number never matches", { NumericEquals: { "s3:max-keys": "10" } }, { "s3:max-keys": "ten" }, false],
    ["NumericEquals: hexadecimal is not a number", { NumericEquals: { "s3:max-keys": "16" } }, { "s3:max-keys": "0x10" }, false],
    ["NumericEquals: an empty value is not zero", { NumericEquals: { "s3:max-keys": "0" } }, { "s3:max-keys": "" }, false],
    ["NumericLessThan: missing key", { NumericLessThan: { "s3:max-keys": "10" } }, {}, false],
  ]);
});

describe("Date operators (CO: Date condition operators; ISO 8601 and epoch)", () => {
  table([
    ["DateLessThan with ISO dates", { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2029-12-31T23:59:59Z" }, true],
    ["DateGreaterThan with ISO dates", { DateGreaterThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2029-12-31T23:59:59Z" }, false],
    ["DateEquals across ISO and epoch", { DateEquals: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }, { "aws:CurrentTime": "1577836800" }, true],
    ["DateNotEquals", { DateNotEquals: { "aws:CurrentTime": "1577836800" } }, { "aws:CurrentTime": "2020-01-02T00:00:00Z" }, true],
    ["DateNotEquals: missing key", { DateNotEquals: { "aws:CurrentTime": "1577836800" } }, {}, true],
    ["DateLessThanEquals: equal instants", { DateLessThanEquals: { "aws:EpochTime": "1577836800" } }, { "aws:EpochTime": "1577836800" }, true],
    ["DateGreaterThanEquals with time zones", { DateGreaterThanEquals: { "aws:CurrentTime": "2020-01-01T01:00:00+01:00" } }, { "aws:CurrentTime": "2020-01-01T00:00:00Z" }, true],
    ["DateLessThan: an unreadable date never matches", { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } }, { "aws:CurrentTime": "soon" }, false],
  ]);
});

describe("Bool, Binary and Null (CO)", () => {
  table([
    ["Bool true", { Bool: { "aws:SecureTransport": "true" } }, { "aws:SecureTransport": "true" }, true],
    ["Bool takes a JSON boolean", { Bool: { "aws:SecureTransport": false } }, { "aws:SecureTransport": "false" }, true],
    ["Bool mismatch", { Bool: { "aws:SecureTransport": "true" } }, { "aws:SecureTransport": "false" }, false],
    ["Bool: missing key is false", { Bool: { "aws:MultiFactorAuthPresent": "false" } }, {}, false],
    ["BoolIfExists: missing key is true", { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }, {}, true],
    ["BoolIfExists: present key is compared", { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }, { "aws:MultiFactorAuthPresent": "true" }, false],
    ["BinaryEquals", { BinaryEquals: { "key": "QmluYXJ5VmFsdWU=" } }, { key: "QmluYXJ5VmFsdWU=" }, true],
    ["BinaryEquals mismatch", { BinaryEquals: { "key": "QmluYXJ5VmFsdWU=" } }, { key: "b3RoZXI=" }, false],
    ["Null true: key absent", { Null: { "aws:TokenIssueTime": "true" } }, {}, true],
    ["Null true: key present", { Null: { "aws:TokenIssueTime": "true" } }, { "aws:TokenIssueTime": "2020-01-01T00:00:00Z" }, false],
    ["Null false: key present", { Null: { "aws:TokenIssueTime": "false" } }, { "aws:TokenIssueTime": "2020-01-01T00:00:00Z" }, true],
    ["Null false: key absent", { Null: { "aws:TokenIssueTime": "false" } }, {}, false],
  ]);
});

describe("IP address operators (CO: IP address condition operators)", () => {
  table([
    ["IpAddress in an IPv4 block", { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, { "aws:SourceIp": "203.0.113.77" }, true],
    ["IpAddress outside an IPv4 block", { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, { "aws:SourceIp": "203.0.114.1" }, false],
    ["IpAddress with a bare address", { IpAddress: { "aws:SourceIp": "203.0.113.5" } }, { "aws:SourceIp": "203.0.113.5" }, true],
    ["IpAddress with /0", { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }, { "aws:SourceIp": "8.8.8.8" }, true],
    ["IpAddress with an odd prefix", { IpAddress: { "aws:SourceIp": "10.0.0.0/9" } }, { "aws:SourceIp": "10.127.255.255" }, true],
    ["IpAddress odd prefix, outside", { IpAddress: { "aws:SourceIp": "10.0.0.0/9" } }, { "aws:SourceIp": "10.128.0.0" }, false],
    ["IpAddress in an IPv6 block", { IpAddress: { "aws:SourceIp": "2001:db8::/32" } }, { "aws:SourceIp": "2001:db8:1234::1" }, true],
    ["IpAddress outside an IPv6 block", { IpAddress: { "aws:SourceIp": "2001:db8::/32" } }, { "aws:SourceIp": "2001:db9::1" }, false],
    ["IPv4 address against an IPv6 block", { IpAddress: { "aws:SourceIp": "2001:db8::/32" } }, { "aws:SourceIp": "203.0.113.5" }, false],
    ["IpAddress: several blocks OR", { IpAddress: { "aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"] } }, { "aws:SourceIp": "203.0.113.5" }, true],
    ["NotIpAddress outside", { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, { "aws:SourceIp": "198.51.100.1" }, true],
    ["NotIpAddress inside", { NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"] } }, { "aws:SourceIp": "203.0.113.5" }, false],
    ["NotIpAddress: missing key", { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, {}, true],
    ["IpAddress: missing key", { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, {}, false],
    ["IpAddress: not an address", { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, { "aws:SourceIp": "203.0.113" }, false],
  ]);
});

describe("ARN operators (CO: Amazon Resource Name (ARN) condition operators)", () => {
  const role = "arn:aws:iam::111122223333:role/app/worker";
  table([
    ["ArnEquals", { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic" } }, { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic" }, true],
    ["ArnLike with a wildcard region", { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:111122223333:topic" } }, { "aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:topic" }, true],
    ["ArnEquals also takes wildcards", { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::*:role/app/*" } }, { "aws:PrincipalArn": role }, true],
    ["ArnLike: wildcards stay within their part", { ArnLike: { "aws:SourceArn": "arn:aws:s*:us-east-1:111122223333:topic" } }, { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic" }, true],
    ["ArnLike: a part does not spill into the next", { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:topic" } }, { "aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic" }, false],
    ["ArnLike is case-sensitive", { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/APP/*" } }, { "aws:PrincipalArn": role }, false],
    ["ArnLike: a value that is not an ARN", { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:*:*" } }, { "aws:SourceArn": "not-an-arn" }, false],
    ["ArnNotEquals: different", { ArnNotEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin" } }, { "aws:PrincipalArn": role }, true],
    ["ArnNotLike: matching", { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/app/*" } }, { "aws:PrincipalArn": role }, false],
    ["ArnNotLike: missing key", { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/app/*" } }, {}, true],
    ["ArnLike: missing key", { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/app/*" } }, {}, false],
  ]);
});

describe("...IfExists (CO: ...IfExists condition operators)", () => {
  table([
    ["StringEqualsIfExists: missing key is true", { StringEqualsIfExists: { "ec2:InstanceType": "t3.micro" } }, {}, true],
    ["StringEqualsIfExists: present key compared", { StringEqualsIfExists: { "ec2:InstanceType": "t3.micro" } }, { "ec2:InstanceType": "m5.large" }, false],
    ["StringNotEqualsIfExists: present and equal", { StringNotEqualsIfExists: { "ec2:InstanceType": "t3.micro" } }, { "ec2:InstanceType": "t3.micro" }, false],
    ["NumericLessThanIfExists: missing key", { NumericLessThanIfExists: { "s3:max-keys": "10" } }, {}, true],
    ["IpAddressIfExists: present, outside", { IpAddressIfExists: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SourceIp": "192.0.2.1" }, false],
    ["ArnLikeIfExists: missing key", { ArnLikeIfExists: { "aws:SourceArn": "arn:aws:sns:*:*:*" } }, {}, true],
  ]);
});

describe("Set operators over multivalued keys (SVMV)", () => {
  const allowed = ["team", "env"];
  table([
    ["ForAllValues: every value listed", { "ForAllValues:StringEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": ["env"] }, true],
    ["ForAllValues: one value not listed", { "ForAllValues:StringEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": ["env", "cost"] }, false],
    ["ForAllValues: empty set is true", { "ForAllValues:StringEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": [] }, true],
    ["ForAllValues: missing key is true", { "ForAllValues:StringEquals": { "aws:TagKeys": allowed } }, {}, true],
    ["ForAnyValue: one value listed", { "ForAnyValue:StringEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": ["cost", "team"] }, true],
    ["ForAnyValue: none listed", { "ForAnyValue:StringEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": ["cost"] }, false],
    ["ForAnyValue: empty set is false", { "ForAnyValue:StringEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": [] }, false],
    ["ForAnyValue: missing key is false", { "ForAnyValue:StringEquals": { "aws:TagKeys": allowed } }, {}, false],
    ["ForAllValues:StringNotEquals: none listed", { "ForAllValues:StringNotEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": ["cost", "owner"] }, true],
    ["ForAllValues:StringNotEquals: one listed", { "ForAllValues:StringNotEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": ["cost", "env"] }, false],
    ["ForAllValues:StringNotEquals: missing key", { "ForAllValues:StringNotEquals": { "aws:TagKeys": allowed } }, {}, true],
    ["ForAnyValue:StringNotEquals: one not listed", { "ForAnyValue:StringNotEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": ["env", "cost"] }, true],
    ["ForAnyValue:StringNotEquals: all listed", { "ForAnyValue:StringNotEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": ["env", "team"] }, false],
    ["ForAnyValue:StringNotEquals: missing key", { "ForAnyValue:StringNotEquals": { "aws:TagKeys": allowed } }, {}, false],
    ["ForAllValues:StringLike", { "ForAllValues:StringLike": { "aws:TagKeys": ["app-*"] } }, { "aws:TagKeys": ["app-a", "app-b"] }, true],
    ["ForAnyValue:StringEqualsIfExists: missing key", { "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": allowed } }, {}, true],
    ["A single value counts as a set of one", { "ForAnyValue:StringEquals": { "aws:TagKeys": allowed } }, { "aws:TagKeys": "env" }, true],
    ["Without a set operator, any value of a multivalued key may match", { StringEquals: { "aws:TagKeys": "env" } }, { "aws:TagKeys": ["cost", "env"] }, true],
  ]);
});

describe("Blocks: AND across operators and keys, case-insensitive key names (CO: multiple keys or values)", () => {
  table([
    ["two keys both true", { StringEquals: { "aws:username": "alice", "aws:PrincipalTag/team": "blue" } }, { "aws:username": "alice", "aws:PrincipalTag/team": "blue" }, true],
    ["two keys, one false", { StringEquals: { "aws:username": "alice", "aws:PrincipalTag/team": "red" } }, { "aws:username": "alice", "aws:PrincipalTag/team": "blue" }, false],
    ["two operators, one false", { StringEquals: { "aws:username": "alice" }, Bool: { "aws:SecureTransport": "true" } }, { "aws:username": "alice", "aws:SecureTransport": "false" }, false],
    ["key names are case-insensitive", { StringEquals: { "AWS:UserName": "alice" } }, { "aws:username": "alice" }, true],
    ["values keep their case", { StringEquals: { "aws:username": "alice" } }, { "AWS:USERNAME": "Alice" }, false],
    ["empty block is true", {}, {}, true],
  ]);
});

describe("Policy variables in condition values (Variables and tags)", () => {
  table([
    ["a variable resolves from the context", { StringEquals: { "aws:RequestTag/team": "${aws:PrincipalTag/team}" } }, { "aws:RequestTag/team": "blue", "aws:PrincipalTag/team": "blue" }, true],
    ["a variable with another value", { StringEquals: { "aws:RequestTag/team": "${aws:PrincipalTag/team}" } }, { "aws:RequestTag/team": "red", "aws:PrincipalTag/team": "blue" }, false],
    ["a missing variable without default matches nothing", { StringEquals: { "aws:RequestTag/team": "${aws:PrincipalTag/team}" } }, { "aws:RequestTag/team": "" }, false],
    ["a default stands in for a missing key", { StringEquals: { "aws:RequestTag/team": "${aws:PrincipalTag/team, 'none'}" } }, { "aws:RequestTag/team": "none" }, true],
    ["${*} is a literal asterisk in StringLike", { StringLike: { "s3:prefix": "a${*}" } }, { "s3:prefix": "a*" }, true],
    ["${*} does not act as a wildcard", { StringLike: { "s3:prefix": "a${*}" } }, { "s3:prefix": "abc" }, false],
    ["a variable inside a StringLike pattern", { StringLike: { "s3:prefix": "home/${aws:username}/*" } }, { "s3:prefix": "home/alice/x", "aws:username": "alice" }, true],
  ]);

  it("variables are literal text outside Version 2012-10-17", () => {
    const block = { StringEquals: { "aws:RequestTag/team": "${aws:PrincipalTag/team}" } };
    expect(holds(block, { "aws:RequestTag/team": "${aws:PrincipalTag/team}" }, false)).toBe(true);
    expect(holds(block, { "aws:RequestTag/team": "blue", "aws:PrincipalTag/team": "blue" }, false)).toBe(false);
  });
});

describe("compile issues", () => {
  it("reports unknown operators with their path", () => {
    const issues: CompileIssue[] = [];
    compileCondition({ StringEqualz: { k: "v" } }, true, "Statement[0].Condition", issues);
    expect(issues).toEqual([expect.objectContaining({ code: "UnknownConditionOperator", path: "Statement[0].Condition.StringEqualz" })]);
  });

  it("lists the keys a block reads, including variable keys", () => {
    const condition = compileCondition({ StringEquals: { "aws:RequestTag/team": "${aws:PrincipalTag/team}" } }, true, "Condition", []);
    expect(condition?.keys.map((key) => key.name).sort()).toEqual(["aws:PrincipalTag/team", "aws:RequestTag/team"]);
  });
});
