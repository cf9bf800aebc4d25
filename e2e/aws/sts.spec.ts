import type { APIRequestContext } from "@playwright/test";
import { ListUsersCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, type AssumeRoleCommandOutput } from "@aws-sdk/client-sts";
import { Secret, TOTP } from "otpauth";
import { CAROL_MFA_DEVICE, CAROL_MFA_SECRET } from "../../prisma/seed/demo-credentials";
import { iamAt, PROD_ACCOUNT, stsAt, uniqueName, userKeys, type Credentials, expect, test } from "../support/aws";

// API-only: the real STS client against the E2E server's /aws, with the demo's people (STS API
// Reference: AssumeRole, GetSessionToken, GetCallerIdentity). bob's group allows sts:AssumeRole on
// RoleName, whose trust policy trusts acme-prod; acme-security's CrossAccountAuditor trusts
// acme-prod with MFA, and carol (an administrator) has the virtual MFA device carol-phone. An
// expired session token cannot be reached here in time: tests/auth/temporary-credentials.test.ts
// covers it.

const SECURITY_ACCOUNT = "444455556666";
const STEP_MS = 30_000;
const carolDevice = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(CAROL_MFA_SECRET) });
const CAROL_SERIAL = `arn:aws:iam::${PROD_ACCOUNT}:mfa/${CAROL_MFA_DEVICE}`;
/** STS's answer to a code already used (by a sign-in of carol's in the same 30-second step). */
const USED_CODE = "MultiFactorAuthentication failed with invalid MFA one time pass code.";

/** A key for a demo user for the length of `run`, deleted afterwards (a user may hold two at most). */
async function withKeys<T>(request: APIRequestContext, userName: string, run: (keys: Credentials) => Promise<T>): Promise<T> {
  const keys = await userKeys(request, userName);
  try {
    return await run(keys);
  } finally {
    await request.delete(`/api/v1/accounts/${PROD_ACCOUNT}/users/${userName}/access-keys/${keys.accessKeyId}`);
  }
}

const sessionOf = (answer: AssumeRoleCommandOutput): Credentials => ({
  accessKeyId: answer.Credentials?.AccessKeyId ?? "",
  secretAccessKey: answer.Credentials?.SecretAccessKey ?? "",
  sessionToken: answer.Credentials?.SessionToken ?? "",
});

test.describe("STS through the AWS endpoint", () => {
  test("bob assumes RoleName and GetCallerIdentity names the role session", async ({ request, baseURL }) => {
    await withKeys(request, "bob", async (bob) => {
      const sessionName = uniqueName("bob");
      const answer = await stsAt(baseURL, bob).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/RoleName`, RoleSessionName: sessionName }));
      expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA/);
      expect(answer.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PROD_ACCOUNT}:assumed-role/RoleName/${sessionName}`);
      const who = await stsAt(baseURL, sessionOf(answer)).send(new GetCallerIdentityCommand({}));
      expect(who).toMatchObject({ Account: PROD_ACCOUNT, Arn: `arn:aws:sts::${PROD_ACCOUNT}:assumed-role/RoleName/${sessionName}` });
      expect(who.UserId).toMatch(new RegExp(`^AROA[A-Z2-7]{17}:${sessionName}$`));
      // GetSessionToken's credentials act as bob himself.
      const token = await stsAt(baseURL, bob).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
      expect((await stsAt(baseURL, sessionOf(token)).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${PROD_ACCOUNT}:user/bob`);
    });
  });

  test("carol assumes acme-security's CrossAccountAuditor only with her MFA code", async ({ request, baseURL }) => {
    await withKeys(request, "carol", async (carol) => {
      const sts = stsAt(baseURL, carol);
      const roleArn = `arn:aws:iam::${SECURITY_ACCOUNT}:role/CrossAccountAuditor`;
      const refused = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "carol" })).catch((err: unknown) => err as Error);
      expect(refused).toMatchObject({ name: "AccessDenied", message: `User: arn:aws:iam::${PROD_ACCOUNT}:user/carol is not authorized to perform: sts:AssumeRole on resource: ${roleArn}` });
      // A step's code is accepted once (sign-in shares the device): a used one is tried again at the next step.
      let answer: AssumeRoleCommandOutput | undefined;
      for (let attempt = 0; attempt < 2 && !answer; attempt++) {
        const code = carolDevice.generate({ timestamp: Date.now() });
        answer = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "carol", SerialNumber: CAROL_SERIAL, TokenCode: code })).catch(async (err: unknown) => {
          if ((err as Error).message !== USED_CODE || attempt > 0) throw err;
          await new Promise((resolve) => setTimeout(resolve, STEP_MS - (Date.now() % STEP_MS) + 200));
          return undefined;
        });
      }
      expect(answer?.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${SECURITY_ACCOUNT}:assumed-role/CrossAccountAuditor/carol`);
      const session = sessionOf(answer as AssumeRoleCommandOutput);
      expect(await stsAt(baseURL, session).send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: SECURITY_ACCOUNT });
      // SecurityAudit lets the session list acme-security's users.
      expect((await iamAt(baseURL, session).send(new ListUsersCommand({}))).Users?.map((user) => user.UserName)).toContain("sam");
    });
  });

  test("a request signed with the wrong secret is SignatureDoesNotMatch", async ({ request, baseURL }) => {
    await withKeys(request, "bob", async (bob) => {
      const wrong = { ...bob, secretAccessKey: bob.secretAccessKey.slice(0, -1) + (bob.secretAccessKey.endsWith("A") ? "B" : "A") };
      const refused = await stsAt(baseURL, wrong).send(new GetCallerIdentityCommand({})).catch((err: unknown) => err as Error & { $metadata: { httpStatusCode?: number } });
      expect(refused).toMatchObject({ name: "SignatureDoesNotMatch", $metadata: { httpStatusCode: 403 } });
      const session = sessionOf(await stsAt(baseURL, bob).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/RoleName`, RoleSessionName: uniqueName("tamper") })));
      const badToken = await stsAt(baseURL, { ...session, sessionToken: `${session.sessionToken}x` }).send(new GetCallerIdentityCommand({})).catch((err: unknown) => err as Error);
      expect(badToken).toMatchObject({ name: "InvalidClientTokenId" });
    });
  });
});
