import { createUser } from "@/lib/data/create-user";
import { createPolicy } from "@/lib/data/create-policy";
import { attachPolicy } from "@/lib/data/attach-policy";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { createGroup } from "@/lib/data/create-group";
import { createRole } from "@/lib/data/create-role";
import { createUserBody } from "@/lib/schemas/user";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createGroupBody } from "@/lib/schemas/group";
import { createRoleInput } from "@/lib/schemas/role";
import { freshAccount } from "@/tests/support/identity";

/**
 * The demo-like account the simulator tests share, built through the console's own data layer: dana
 * reads the reports bucket but not its secret/ prefix (ReportsReader, a customer managed policy),
 * lists users only with MFA (an inline policy), is tagged team=blue, and is capped by a boundary
 * that allows S3 and iam:ListUsers only (not the ec2:DescribeInstances her inline policy allows); the auditors group and the deployer role have inline policies of their own.
 */

export const READER = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "ReadReports", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" },
    { Sid: "NoSecrets", Effect: "Deny", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/secret/*" },
    { Sid: "TeamBuckets", Effect: "Allow", Action: "s3:ListBucket", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": "blue" } } },
  ],
};

export const MFA_ONLY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["iam:ListUsers", "ec2:DescribeInstances"], Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }],
};

export const BOUNDARY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:*", "iam:ListUsers"], Resource: "*" }] };

export const AUDITORS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "cloudtrail:LookupEvents", Resource: "*" }] };

export const DEPLOYER = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::artifacts/${aws:PrincipalTag/stage}/*" }],
};

const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });

export interface Demo {
  account: string;
  readerArn: string;
  boundaryArn: string;
  danaArn: string;
}

export async function demoAccount(): Promise<Demo> {
  const account = await freshAccount();
  const reader = await createPolicy(account, createPolicyInput.parse({ policyName: "ReportsReader", policyDocument: JSON.stringify(READER) }));
  const boundary = await createPolicy(account, createPolicyInput.parse({ policyName: "S3Boundary", policyDocument: JSON.stringify(BOUNDARY) }));
  const dana = await createUser(account, createUserBody.parse({ userName: "dana", path: "/staff/", tags: [{ key: "team", value: "blue" }] }));
  await attachPolicy("user", account, "dana", reader.arn);
  await putInlinePolicy("user", account, "dana", "ListWithMfa", JSON.stringify(MFA_ONLY));
  await putPermissionsBoundary("user", account, "dana", boundary.arn);
  await createGroup(account, createGroupBody.parse({ groupName: "auditors" }));
  await putInlinePolicy("group", account, "auditors", "LookupEvents", JSON.stringify(AUDITORS));
  await createRole(account, createRoleInput.parse({ roleName: "deployer", trustPolicy: TRUST, tags: [{ key: "stage", value: "prod" }] }));
  await putInlinePolicy("role", account, "deployer", "PutArtifacts", JSON.stringify(DEPLOYER));
  await createUser(account, createUserBody.parse({ userName: "erin" }));
  return { account, readerArn: reader.arn, boundaryArn: boundary.arn, danaArn: dana.arn };
}
