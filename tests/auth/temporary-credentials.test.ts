import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GetUserCommand, ListUsersCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from "@aws-sdk/client-sts";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { signedCaller } from "@/lib/auth/authenticate";
import { globalContext, principalTags, type Identity } from "@/lib/auth/identity";
import { temporaryIdentity } from "@/lib/auth/temporary-credentials";
import { db } from "@/lib/db";
import { freshAccount } from "@/tests/support/identity";
import { iamClient, rawAws, stsClient, type Credentials } from "@/tests/support/aws";
import { allowStatement, FACTS, makeRole, policy, roleArnOf, sessionArnOf, trust, userInGroup } from "@/tests/aws/sts-fixtures";

// Requests signed with STS temporary credentials ("Use temporary credentials with AWS resources"):
// the key id is ASIA…, the request carries X-Amz-Security-Token, and the credentials end at their
// expiration. STS and IAM "Common errors": InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html
// https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html

type Failure = { name: string; message: string; $metadata: { httpStatusCode?: number } };
const failure = (promise: Promise<unknown>): Promise<Failure> =>
  promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (err: unknown) => err as Failure,
  );
const credentialsOf = (answer: { Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } }): Credentials => ({
  accessKeyId: answer.Credentials?.AccessKeyId ?? "",
  secretAccessKey: answer.Credentials?.SecretAccessKey ?? "",
  sessionToken: answer.Credentials?.SessionToken ?? "",
});

async function roleSession(sessionName = "s1", extra: { Policy?: string } = {}) {
  const account = await freshAccount();
  const reader = await makeRole(account, { name: "Reader", trustPolicy: trust(account), permissions: policy(allowStatement(["iam:ListUsers", "iam:GetUser"])) });
  const bob = await userInGroup(account, "bob", policy(allowStatement("sts:AssumeRole", roleArnOf(account, "*"))));
  const answer = await stsClient(bob).send(new AssumeRoleCommand({ RoleArn: reader.arn, RoleSessionName: sessionName, ...extra }));
  return { account, reader, bob, session: credentialsOf(answer) };
}

/** A request to the console's own API (/api/v1), signed as the SDK signs, for the door's signedCaller. */
async function signedApiRequest(credentials: Credentials, service: string): Promise<Request> {
  const signer = new SignatureV4({ credentials, region: "us-east-1", service, sha256: Hash.bind(null, "sha256") });
  const signed = await signer.sign(new HttpRequest({ method: "GET", protocol: "http:", hostname: "localhost", path: "/api/v1/accounts", headers: { host: "localhost" } }));
  return new Request("http://localhost/api/v1/accounts", { method: "GET", headers: signed.headers });
}

describe("authenticating a request signed with temporary credentials", () => {
  it("stores the token only as its SHA-256 and the secret only sealed, and records the key's last use", async () => {
    const { session } = await roleSession();
    const row = await db().temporaryCredential.findUniqueOrThrow({ where: { id: session.accessKeyId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(session.sessionToken ?? "").digest("hex"));
    expect(row.sealedSecret.startsWith("v1.")).toBe(true);
    expect(row.sealedSecret).not.toContain(session.secretAccessKey);
    expect(row.lastUsedAt).toBeNull();
    await stsClient(session).send(new GetCallerIdentityCommand({}));
    expect((await db().temporaryCredential.findUniqueOrThrow({ where: { id: session.accessKeyId } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("answers ExpiredToken once the credentials have expired", async () => {
    const { session } = await roleSession();
    await db().temporaryCredential.update({ where: { id: session.accessKeyId }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    for (const call of [stsClient(session).send(new GetCallerIdentityCommand({})), iamClient(session).send(new ListUsersCommand({}))]) {
      expect(await failure(call)).toMatchObject({ name: "ExpiredToken", $metadata: { httpStatusCode: 403 }, message: "The security token included in the request is expired" });
    }
  });

  it("answers SignatureDoesNotMatch for a wrong secret, InvalidClientTokenId for a wrong or missing token", async () => {
    const { session, bob } = await roleSession();
    const flipped = session.secretAccessKey.slice(0, -1) + (session.secretAccessKey.endsWith("A") ? "B" : "A");
    expect(await failure(stsClient({ ...session, secretAccessKey: flipped }).send(new GetCallerIdentityCommand({})))).toMatchObject({ name: "SignatureDoesNotMatch", $metadata: { httpStatusCode: 403 } });
    const invalid = { name: "InvalidClientTokenId", $metadata: { httpStatusCode: 403 }, message: "The security token included in the request is invalid." };
    expect(await failure(stsClient({ ...session, sessionToken: `${session.sessionToken}x` }).send(new GetCallerIdentityCommand({})))).toMatchObject(invalid);
    expect(await failure(stsClient({ accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey }).send(new GetCallerIdentityCommand({})))).toMatchObject(invalid);
    // Another session's token does not sign for this one, and a long-term key takes no token at all.
    const { session: other } = await roleSession("s2");
    expect(await failure(stsClient({ ...session, sessionToken: other.sessionToken }).send(new GetCallerIdentityCommand({})))).toMatchObject(invalid);
    expect(await failure(stsClient({ ...bob, sessionToken: session.sessionToken }).send(new GetCallerIdentityCommand({})))).toMatchObject(invalid);
    // A tampered body with the right credentials is a bad signature, as for long-term keys.
    const tampered = await rawAws({
      params: { Action: "GetUser", UserName: "bob", Version: "2010-05-08" },
      credentials: session,
      tamper: (request) => void (request.body = request.body.replace("bob", "bo2")),
    });
    expect(tampered.status).toBe(403);
    expect(tampered.text).toContain("<Code>SignatureDoesNotMatch</Code>");
  });

  it("acts as the role session at the console's own API too, and refuses GetSessionToken's credentials without MFA everywhere but STS", async () => {
    const { account, reader, session, bob } = await roleSession();
    const who = await signedCaller(await signedApiRequest(session, "iam"), new Uint8Array());
    expect(who.identity).toMatchObject({ type: "AssumedRole", arn: sessionArnOf(account, "Reader", "s1"), userId: `${reader.id}:s1`, accountId: account, accessKeyId: session.accessKeyId, credentialKind: "AssumeRole" });
    expect(who.identity.signedIn).toMatchObject({ type: "IAMUser", arn: `arn:aws:iam::${account}:user/bob`, userName: "bob" });
    const token = credentialsOf(await stsClient(bob).send(new GetSessionTokenCommand({})));
    await expect(signedCaller(await signedApiRequest(token, "iam"), new Uint8Array())).rejects.toMatchObject({ code: "InvalidClientTokenId" });
    // The console's own API is IAM's whatever service the signature names; only the AWS endpoint serves STS.
    await expect(signedCaller(await signedApiRequest(token, "sts"), new Uint8Array())).rejects.toMatchObject({ code: "InvalidClientTokenId" });
    expect((await signedCaller(await signedApiRequest(token, "sts"), new Uint8Array(), new Date(), { awsEndpoint: true })).identity).toMatchObject({ type: "IAMUser", credentialKind: "GetSessionToken", mfaAt: null });
  });

  it("never shares a decision between two sessions of one name with different session policies", async () => {
    const { account, reader, bob, session: wide } = await roleSession("same");
    const narrowAnswer = await stsClient(bob).send(new AssumeRoleCommand({ RoleArn: reader.arn, RoleSessionName: "same", Policy: policy(allowStatement("iam:ListUsers")) }));
    const narrow = credentialsOf(narrowAnswer);
    expect((await iamClient(wide).send(new GetUserCommand({ UserName: "bob" }))).User?.UserName).toBe("bob");
    expect((await failure(iamClient(narrow).send(new GetUserCommand({ UserName: "bob" })))).message).toContain(`${sessionArnOf(account, "Reader", "same")} is not authorized to perform: iam:GetUser`);
    expect((await iamClient(wide).send(new GetUserCommand({ UserName: "bob" }))).User?.UserName).toBe("bob");
  });
});

describe("a temporary identity's request context (AWS global condition context keys)", () => {
  const NOW = new Date("2026-12-03T12:00:00Z");
  const row = {
    id: "ASIAAAAAAAAAAAAAAAAA",
    sealedSecret: "v1.x",
    tokenHash: "0".repeat(64),
    accountId: "222233334444",
    kind: "AssumeRole",
    sourceArn: "arn:aws:iam::111122223333:user/eng/carol",
    sourceUserId: "AIDAAAAAAAAAAAAAAAAAA",
    sourceAccountId: "111122223333",
    roleArn: "arn:aws:iam::222233334444:role/audit/Auditor",
    roleId: "AROAAAAAAAAAAAAAAAAAA",
    roleSessionName: "carol",
    sessionPolicy: null,
    sessionTags: '{"team":"blue"}',
    transitiveTagKeys: '["team"]',
    sourceIdentity: "carol-laptop",
    chained: false,
    mfaAt: new Date(NOW.getTime() - 90_000),
    issuedAt: new Date(NOW.getTime() - 100_000),
    expiresAt: new Date(NOW.getTime() + 3_500_000),
    lastUsedAt: null,
  };

  it("is the role session in the role's account, started by the signed-in user, with MFA, source identity and session tags", () => {
    const identity = temporaryIdentity(row);
    expect(identity).toMatchObject({
      type: "AssumedRole",
      accountId: "222233334444",
      arn: "arn:aws:sts::222233334444:assumed-role/Auditor/carol",
      userId: "AROAAAAAAAAAAAAAAAAAA:carol",
      signedIn: { type: "IAMUser", accountId: "111122223333", userName: "carol", userId: "AIDAAAAAAAAAAAAAAAAAA" },
      role: { roleArn: row.roleArn, roleName: "Auditor", accountId: "222233334444", sessionName: "carol" },
      sessionTags: { team: "blue" },
      transitiveTagKeys: ["team"],
      sourceIdentity: "carol-laptop",
      tokenIssuedAt: row.issuedAt,
    });
    expect(globalContext(identity, FACTS, NOW)).toMatchObject({
      "aws:PrincipalType": "AssumedRole",
      "aws:userid": "AROAAAAAAAAAAAAAAAAAA:carol",
      "aws:MultiFactorAuthPresent": "true",
      "aws:MultiFactorAuthAge": "90",
      "aws:SourceIdentity": "carol-laptop",
      "aws:TokenIssueTime": "2026-12-03T11:58:20Z",
    });
  });

  it("says MFA is absent (\"false\") for temporary credentials without it, and carries no MFA key for a long-term key", () => {
    const token = temporaryIdentity({ ...row, kind: "GetSessionToken", accountId: "111122223333", roleArn: null, roleId: null, roleSessionName: null, mfaAt: null, sourceIdentity: null });
    expect(token).toMatchObject({ type: "IAMUser", arn: row.sourceArn, accountId: "111122223333", role: null, credentialKind: "GetSessionToken" });
    const context = globalContext(token, FACTS, NOW);
    expect(context["aws:MultiFactorAuthPresent"]).toBe("false");
    expect(context).not.toHaveProperty("aws:MultiFactorAuthAge");
    expect(context).not.toHaveProperty("aws:SourceIdentity");
    const longTerm: Identity = { ...token, credentialKind: undefined, accessKeyId: "AKIAAAAAAAAAAAAAAAAA" };
    expect(globalContext(longTerm, FACTS, NOW)).not.toHaveProperty("aws:MultiFactorAuthPresent");
  });

  it("lets a session tag replace the role's tag of the same key, whatever its case", () => {
    expect(principalTags({ Team: "red", cost: "1" }, { team: "blue" })).toEqual({ cost: "1", team: "blue" });
    expect(principalTags({ Team: "red" }, undefined)).toEqual({ Team: "red" });
  });
});
