// The demo's policy documents, written as an administrator would type them. Each one teaches
// something; the comments say what.

import { accountRootArn } from "@/lib/arn";

const policy = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);

/** Dave's permissions boundary: whatever else he is granted, he keeps only S3, CloudWatch and logs. */
export const DEV_BOUNDARY_V1 = policy([
  { Sid: "BoundaryStorageAndMetrics", Effect: "Allow", Action: ["s3:*", "cloudwatch:*"], Resource: "*" },
]);
export const DEV_BOUNDARY_V2 = policy([
  { Sid: "BoundaryStorageMetricsLogs", Effect: "Allow", Action: ["s3:*", "cloudwatch:*", "logs:*"], Resource: "*" },
]);

/** Lets the Developers group switch to RoleName (the role's trust policy must allow it too). */
export const ASSUME_ROLE_NAME = policy([
  { Sid: "AssumeRoleName", Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::123456789012:role/RoleName" },
]);

/**
 * The classic lesson: the bucket ARN alone covers bucket actions (ListBucket) but not the objects
 * in it (GetObject needs arn:aws:s3:::my_bucket/*). v1 was narrower still.
 */
export const MY_BUCKET_READ_ONLY_V1 = policy([
  { Sid: "ListMyBucket", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::my_bucket" },
]);
export const MY_BUCKET_READ_ONLY_V2 = policy([
  { Sid: "ReadMyBucket", Effect: "Allow", Action: ["s3:Get*", "s3:List*"], Resource: "arn:aws:s3:::my_bucket" },
]);

/** Bob's inline policy: read the application logs. */
export const DEV_LOGS_READ_ONLY = policy([
  {
    Sid: "ReadAppLogs",
    Effect: "Allow",
    Action: ["logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:GetLogEvents", "logs:FilterLogEvents"],
    Resource: "*",
  },
]);

/** Denies deleting anything tagged env=prod: an explicit deny beats every allow. */
export const DENY_PROD_DELETES = policy([
  {
    Sid: "DenyDeletingProd",
    Effect: "Deny",
    Action: ["ec2:TerminateInstances", "s3:DeleteBucket"],
    Resource: "*",
    Condition: { StringEquals: { "aws:ResourceTag/env": "prod" } },
  },
]);

const trust = (principal: object, condition?: object) =>
  JSON.stringify(
    {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }],
    },
    null,
    2,
  );

/** Any principal of the account whose own policies allow sts:AssumeRole on the role. */
export const trustAccount = (accountId: string) => trust({ AWS: accountRootArn(accountId) });

/** Another account, and only with MFA. */
export const trustAccountWithMfa = (accountId: string) =>
  trust({ AWS: accountRootArn(accountId) }, { Bool: { "aws:MultiFactorAuthPresent": "true" } });

export const trustService = (service: string) => trust({ Service: service });
