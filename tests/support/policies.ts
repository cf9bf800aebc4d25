import { db } from "@/lib/db";
import { importManagedPolicies, type ManagedPolicyRecord } from "@/prisma/seed/import-managed-policies";

/** An identity policy allowing `action` on `resource`, as text. */
export const allow = (action: string | string[], resource: string | string[] = "*") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: resource }] });

/** A trust policy letting `principal` (an ARN) assume the role. */
export const trusting = (principal: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }] });

/** An identity policy of exactly `size` characters without white space (and some white space). */
export function policyOfSize(size: number): string {
  const shell = (sid: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: sid, Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
  const sid = "S".repeat(size - shell("").length);
  if (sid.length < 1) throw new Error(`policyOfSize: ${size} is too small`);
  // Pretty-printing adds white space only, which IAM's quotas do not count.
  return JSON.stringify(JSON.parse(shell(sid)), null, 4);
}

const record = (name: string, path: string, versionId: string, document: object): ManagedPolicyRecord => ({
  name,
  path,
  arn: `arn:aws:iam::aws:policy${path}${name}`,
  defaultVersionId: versionId,
  document: JSON.stringify(document, null, 4),
  createdAt: new Date("2015-02-06T18:39:46Z"),
  updatedAt: new Date("2020-01-01T00:00:00Z"),
  versionCreatedAt: new Date("2020-01-01T00:00:00Z"),
});

const statement = (s: object) => ({ Version: "2012-10-17", Statement: [s] });

/** A small stand-in for the package's 1,594 AWS managed policies. */
export const TEST_MANAGED_POLICIES: ManagedPolicyRecord[] = [
  record("AdministratorAccess", "/", "v1", statement({ Effect: "Allow", Action: "*", Resource: "*" })),
  record("PowerUserAccess", "/", "v5", statement({ Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" })),
  record("ReadOnlyAccess", "/", "v3", statement({ Effect: "Allow", Action: ["s3:Get*", "s3:List*", "ec2:Describe*"], Resource: "*" })),
  record("AWSLambdaBasicExecutionRole", "/service-role/", "v1", statement({ Effect: "Allow", Action: "logs:*", Resource: "*" })),
];

export const awsPolicyArn = (name: string) =>
  TEST_MANAGED_POLICIES.find((r) => r.name === name)?.arn ?? `arn:aws:iam::aws:policy/${name}`;

/** Imports the stand-in AWS managed policies (idempotent, so every test file may call it). */
export const importTestManagedPolicies = () => importManagedPolicies(db(), TEST_MANAGED_POLICIES);
