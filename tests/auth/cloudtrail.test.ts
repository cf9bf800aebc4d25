import { describe, expect, it } from "vitest";
import { cloudTrailFile, cloudTrailRecord, type AuditRecord } from "@/lib/auth/cloudtrail";

// CloudTrail's record as its User Guide describes it: "CloudTrail record contents" (eventTime,
// eventVersion, userIdentity, eventSource, eventName, awsRegion, sourceIPAddress, userAgent,
// errorCode and errorMessage when the request failed, requestParameters, responseElements,
// additionalEventData, eventID, eventType, readOnly, managementEvent, recipientAccountId,
// eventCategory), "CloudTrail userIdentity element" (type, principalId, arn, accountId,
// accessKeyId, userName; sessionContext with sessionIssuer and attributes creationDate and
// mfaAuthenticated for temporary credentials; a root user's userName is the account's alias) and
// "AWS console sign-in events" (ConsoleLogin from signin.amazonaws.com, eventType
// AwsConsoleSignIn, responseElements.ConsoleLogin Success or Failure, additionalEventData.MFAUsed;
// a failed IAM user sign-in carries no ARN), in CloudTrail's log-file shape {"Records": [...]}.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference.html

const ACCOUNT = "123456789012";
const base: AuditRecord = {
  eventId: "3fcfb182-98f8-4744-bd45-10a395ab61cb",
  at: new Date("2026-12-03T09:15:02.345Z"),
  accountId: ACCOUNT,
  eventSource: "iam.amazonaws.com",
  eventName: "CreateUser",
  eventType: "AwsApiCall",
  readOnly: false,
  identityType: "IAMUser",
  principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  principalAccountId: ACCOUNT,
  principalId: "AIDACKCEVSQ6C2EXAMPLE",
  userName: "alice",
  accessKeyId: null,
  sessionIssuerArn: null,
  sessionCreatedAt: new Date("2026-12-03T08:00:00.000Z"),
  mfa: false,
  sourceIp: "192.0.2.0",
  userAgent: "Mozilla/5.0",
  requestParameters: JSON.stringify({ userName: "newuser" }),
  responseElements: null,
  additionalEventData: null,
  errorCode: null,
  errorMessage: null,
};

const aliases = (id: string) => (id === ACCOUNT ? "acme-prod" : undefined);

describe("CloudTrail records of the audit trail", () => {
  it("writes an IAM user's console call with every field of a management event", () => {
    expect(cloudTrailRecord(base, aliases)).toEqual({
      eventVersion: "1.08",
      userIdentity: {
        type: "IAMUser",
        principalId: "AIDACKCEVSQ6C2EXAMPLE",
        arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
        accountId: ACCOUNT,
        accessKeyId: "",
        userName: "alice",
        sessionContext: { attributes: { creationDate: "2026-12-03T08:00:00Z", mfaAuthenticated: "false" } },
      },
      eventTime: "2026-12-03T09:15:02Z",
      eventSource: "iam.amazonaws.com",
      eventName: "CreateUser",
      awsRegion: "us-east-1",
      sourceIPAddress: "192.0.2.0",
      userAgent: "Mozilla/5.0",
      requestParameters: { userName: "newuser" },
      responseElements: null,
      eventID: "3fcfb182-98f8-4744-bd45-10a395ab61cb",
      readOnly: false,
      eventType: "AwsApiCall",
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: "Management",
    });
  });

  it("names an assumed role's session issuer, with MFA carried, and no userName of its own", () => {
    const record = cloudTrailRecord(
      {
        ...base,
        identityType: "AssumedRole",
        principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/RoleName/bob`,
        principalId: "AROAIDPPEZS35WEXAMPLE:bob",
        userName: "bob",
        sessionIssuerArn: `arn:aws:iam::${ACCOUNT}:role/RoleName`,
        mfa: true,
      },
      aliases,
    );
    expect(record.userIdentity).toEqual({
      type: "AssumedRole",
      principalId: "AROAIDPPEZS35WEXAMPLE:bob",
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/RoleName/bob`,
      accountId: ACCOUNT,
      accessKeyId: "",
      sessionContext: {
        sessionIssuer: { type: "Role", principalId: "AROAIDPPEZS35WEXAMPLE", arn: `arn:aws:iam::${ACCOUNT}:role/RoleName`, accountId: ACCOUNT, userName: "RoleName" },
        attributes: { creationDate: "2026-12-03T08:00:00Z", mfaAuthenticated: "true" },
      },
    });
  });

  it("gives the root user the account's alias as userName, and a signed request its access key without a session", () => {
    const root = cloudTrailRecord(
      { ...base, identityType: "Root", principalArn: `arn:aws:iam::${ACCOUNT}:root`, principalId: ACCOUNT, userName: null, accessKeyId: "AKIAIOSFODNN7EXAMPLE", sessionCreatedAt: null },
      aliases,
    );
    expect(root.userIdentity).toEqual({ type: "Root", principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, accessKeyId: "AKIAIOSFODNN7EXAMPLE", userName: "acme-prod" });
  });

  it("carries the refusal as errorCode and errorMessage, and marks a refused read read-only", () => {
    const message = `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ because no identity-based policy allows the iam:ListUsers action`;
    const record = cloudTrailRecord({ ...base, eventName: "ListUsers", readOnly: true, requestParameters: null, errorCode: "AccessDenied", errorMessage: message });
    expect(record).toMatchObject({ eventName: "ListUsers", readOnly: true, errorCode: "AccessDenied", errorMessage: message, requestParameters: null });
    expect(cloudTrailRecord(base)).not.toHaveProperty("errorCode");
    expect(cloudTrailRecord(base)).not.toHaveProperty("errorMessage");
  });

  it("writes console sign-ins as signin.amazonaws.com ConsoleLogin, a failed IAM user sign-in without an ARN", () => {
    const failed = cloudTrailRecord({
      ...base,
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      eventType: "AwsConsoleSignIn",
      identityType: null,
      principalId: null,
      sessionCreatedAt: null,
      requestParameters: null,
      responseElements: JSON.stringify({ ConsoleLogin: "Failure" }),
      additionalEventData: JSON.stringify({ MFAUsed: "No" }),
      errorMessage: "Failed authentication",
    });
    expect(failed).toMatchObject({
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      eventType: "AwsConsoleSignIn",
      responseElements: { ConsoleLogin: "Failure" },
      additionalEventData: { MFAUsed: "No" },
      errorMessage: "Failed authentication",
    });
    expect(failed.userIdentity).toEqual({ type: "IAMUser", accountId: ACCOUNT, accessKeyId: "", userName: "alice" });
  });

  it("wraps records as a CloudTrail log file", () => {
    expect(cloudTrailFile([cloudTrailRecord(base)])).toEqual({ Records: [cloudTrailRecord(base)] });
  });
});
