import { describe, expect, it } from "vitest";
import { sessionIdentity } from "@/lib/auth/sessions";
import { switchRole } from "@/lib/auth/switch-role";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { db } from "@/lib/db";
import { createRoleInput } from "@/lib/schemas/role";
import { freshAccount } from "@/tests/support/identity";
import { trusting } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// Switch role's STS record (sts.amazonaws.com AssumeRole) is written as the AWS endpoint's
// AssumeRole writes its own (lib/auth/sts-audit.ts): CloudTrail's requestParameters and
// responseElements, the role's account, the role as resource, the error when refused.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-console.html

const FACTS = { sourceIp: "10.1.2.3", userAgent: "vitest switch-role-audit", secure: false };

async function devSession(accountId: string) {
  const cookie = await sessionCookie({ accountId, userName: "dev" });
  const row = await db().session.findFirstOrThrow({ where: { accountId, principalArn: `arn:aws:iam::${accountId}:user/dev` }, orderBy: { createdAt: "desc" } });
  expect(cookie).toBeTruthy();
  return row;
}

const assumeRecords = (accountId: string) => db().auditEvent.findMany({ where: { accountId, eventSource: "sts.amazonaws.com", eventName: "AssumeRole" }, orderBy: { id: "asc" } });

describe("switch role's AssumeRole audit record (CloudTrail's AssumeRole event)", () => {
  it("records the allowed switch with its parameters, the session it issued and its expiration", async () => {
    const account = await freshAccount();
    await createUser(account, { userName: "dev", path: "/", tags: [] });
    const role = await createRole(account, createRoleInput.parse({ roleName: "Named", trustPolicy: trusting(`arn:aws:iam::${account}:user/dev`), maxSessionDuration: 7200 }));
    const row = await devSession(account);
    const now = new Date();
    await switchRole(sessionIdentity(row, now), { account, roleName: "Named" }, FACTS, now);

    const [record] = await assumeRecords(account);
    expect(record).toMatchObject({
      eventType: "AwsApiCall",
      readOnly: false,
      identityType: "IAMUser",
      principalArn: `arn:aws:iam::${account}:user/dev`,
      principalAccountId: account,
      userName: "dev",
      principalId: row.userId,
      accessKeyId: null,
      sessionIssuerArn: null,
      sessionCreatedAt: row.createdAt,
      mfa: false,
      sourceIp: "10.1.2.3",
      userAgent: "vitest switch-role-audit",
      resourceArn: role.arn,
      errorCode: null,
      errorMessage: null,
      additionalEventData: null,
    });
    expect(record.at.getTime()).toBe(now.getTime());
    expect(JSON.parse(record.requestParameters ?? "null")).toEqual({ roleArn: role.arn, roleSessionName: "dev", durationSeconds: 3600 });
    // The role session lasts an hour, never more than the console session it belongs to.
    const expiration = new Date(Math.min(now.getTime() + 3600_000, row.expiresAt.getTime())).toISOString();
    expect(JSON.parse(record.responseElements ?? "null")).toEqual({
      assumedRoleUser: { assumedRoleId: `${role.roleId}:dev`, arn: `arn:aws:sts::${account}:assumed-role/Named/dev` },
      credentials: { expiration },
    });
  });

  it("records a refused switch with STS's error and no response elements", async () => {
    const account = await freshAccount();
    const other = await freshAccount();
    await createUser(account, { userName: "dev", path: "/", tags: [] });
    const role = await createRole(other, createRoleInput.parse({ roleName: "Elsewhere", trustPolicy: trusting(`arn:aws:iam::${account}:user/dev`) }));
    const row = await devSession(account);
    const now = new Date();
    await expect(switchRole(sessionIdentity(row, now), { account: other, roleName: "Elsewhere" }, FACTS, now)).rejects.toMatchObject({ code: "AccessDenied" });

    // The record is in the role's account.
    expect(await assumeRecords(account)).toEqual([]);
    const [record] = await assumeRecords(other);
    expect(record).toMatchObject({
      principalArn: `arn:aws:iam::${account}:user/dev`,
      resourceArn: role.arn,
      errorCode: "AccessDenied",
      errorMessage: `User: arn:aws:iam::${account}:user/dev is not authorized to perform: sts:AssumeRole on resource: ${role.arn}`,
      responseElements: null,
    });
    expect(JSON.parse(record.requestParameters ?? "null")).toEqual({ roleArn: role.arn, roleSessionName: "dev", durationSeconds: 3600 });
  });
});
