import { describe, expect, it } from "vitest";
import { AssumeRoleCommand, GetSessionTokenCommand } from "@aws-sdk/client-sts";
import { auditRow } from "@/lib/auth/audit";
import type { Identity } from "@/lib/auth/identity";
import { db } from "@/lib/db";
import { freshAccount } from "@/tests/support/identity";
import { stsClient } from "@/tests/support/aws";
import { allowStatement, makeRole, policy, trust, userInGroup } from "@/tests/aws/sts-fixtures";

// CloudTrail's userIdentity.sessionContext.attributes.creationDate: "the date and time when the
// temporary security credentials were issued". Console sessions, role sessions and
// GetSessionToken's temporary credentials have one; a long-term access key has none.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html

const ACCOUNT = "123456789012";
const ISSUED = new Date("2026-12-03T08:00:00.000Z");
const FACTS = { sourceIp: "127.0.0.1", userAgent: "vitest", secure: false };
const user: Identity = {
  type: "IAMUser",
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
  userId: "AIDAEXAMPLEBOB",
  signedIn: { type: "IAMUser", accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/bob`, userName: "bob", userId: "AIDAEXAMPLEBOB" },
  role: null,
  mfaAt: null,
  tokenIssuedAt: ISSUED,
  accessKeyId: null,
  sessionIdHash: "hash",
};
const startOf = (identity: Identity) => auditRow({ accountId: ACCOUNT, eventSource: "iam.amazonaws.com", eventName: "CreateUser", identity, facts: FACTS }).sessionCreatedAt;

describe("the audit record's session start (CloudTrail sessionContext creationDate)", () => {
  it("is the console session's start, and GetSessionToken's issue time, but none for a long-term access key", () => {
    expect(startOf(user)).toEqual(ISSUED);
    expect(startOf({ ...user, accessKeyId: "ASIAEXAMPLETOKEN", sessionIdHash: null, credentialKind: "GetSessionToken" })).toEqual(ISSUED);
    expect(startOf({ ...user, accessKeyId: "AKIAEXAMPLELONGTERM", sessionIdHash: null })).toBeNull();
    expect(startOf({ ...user, accessKeyId: "AKIAEXAMPLELONGTERM", sessionIdHash: null, tokenIssuedAt: new Date() })).toBeNull();
  });

  it("is recorded for a call made with GetSessionToken's credentials, through the AWS endpoint", async () => {
    const account = await freshAccount();
    const bob = await userInGroup(account, "bob", policy(allowStatement("sts:AssumeRole", `arn:aws:iam::${account}:role/*`)));
    const reader = await makeRole(account, { name: "Reader", trustPolicy: trust(account) });
    const token = await stsClient(bob).send(new GetSessionTokenCommand({}));
    const issued = await db().temporaryCredential.findUniqueOrThrow({ where: { id: token.Credentials?.AccessKeyId ?? "" } });
    const session = { accessKeyId: token.Credentials?.AccessKeyId ?? "", secretAccessKey: token.Credentials?.SecretAccessKey ?? "", sessionToken: token.Credentials?.SessionToken ?? "" };
    await stsClient(session).send(new AssumeRoleCommand({ RoleArn: reader.arn, RoleSessionName: "from-token" }));

    // GetSessionToken itself was called with bob's long-term key: no session.
    const asked = await db().auditEvent.findFirstOrThrow({ where: { accountId: account, eventName: "GetSessionToken" } });
    expect(asked).toMatchObject({ accessKeyId: bob.accessKeyId, sessionCreatedAt: null });
    const assumed = await db().auditEvent.findFirstOrThrow({ where: { accountId: account, eventName: "AssumeRole" } });
    expect(assumed).toMatchObject({ principalArn: `arn:aws:iam::${account}:user/bob`, accessKeyId: session.accessKeyId, errorCode: null });
    expect(assumed.sessionCreatedAt).toEqual(issued.issuedAt);
  });
});
