import { describe, expect, it } from "vitest";
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from "@aws-sdk/client-sts";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { signedCaller } from "@/lib/auth/authenticate";
import { reachableAccounts } from "@/lib/auth/reachable-accounts";
import { temporaryIdentity } from "@/lib/auth/temporary-credentials";
import { db } from "@/lib/db";
import { freshAccount } from "@/tests/support/identity";
import { stsClient, type Credentials } from "@/tests/support/aws";
import { allowStatement, FACTS, makeRole, policy, roleArnOf, trust, userInGroup } from "@/tests/aws/sts-fixtures";

// What temporary credentials may do at the console's own API (/api/v1), which they can sign as any
// IAM caller can: GetSessionToken's credentials "cannot call any IAM API operations unless MFA
// authentication information is included in the request", whatever service the signature names;
// and a role session's session policy caps everything it does, sts:AssumeRole included ("Session
// policies": the session's permissions are the intersection of the role's and the session policy).
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session

const credentialsOf = (answer: { Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } }): Credentials => ({
  accessKeyId: answer.Credentials?.AccessKeyId ?? "",
  secretAccessKey: answer.Credentials?.SecretAccessKey ?? "",
  sessionToken: answer.Credentials?.SessionToken ?? "",
});

/** A GET of the console's own API, signed as the SDK signs, with the credential scope's service `service`. */
async function signedApiRequest(credentials: Credentials, service: string): Promise<Request> {
  const signer = new SignatureV4({ credentials, region: "us-east-1", service, sha256: Hash.bind(null, "sha256") });
  const signed = await signer.sign(new HttpRequest({ method: "GET", protocol: "http:", hostname: "localhost", path: "/api/v1/accounts", headers: { host: "localhost" } }));
  return new Request("http://localhost/api/v1/accounts", { method: "GET", headers: signed.headers });
}

describe("GetSessionToken's credentials without MFA at the console's own API (API_GetSessionToken)", () => {
  it("are refused however the signature's scope names the service, and still call STS at /aws", async () => {
    const account = await freshAccount();
    const bob = await userInGroup(account, "bob", policy(allowStatement("iam:*")));
    const token = credentialsOf(await stsClient(bob).send(new GetSessionTokenCommand({})));
    for (const service of ["iam", "sts", "ec2"]) {
      await expect(signedCaller(await signedApiRequest(token, service), new Uint8Array())).rejects.toMatchObject({ code: "InvalidClientTokenId" });
    }
    // STS itself, at the AWS endpoint, takes them (GetCallerIdentity, AssumeRole).
    expect((await stsClient(token).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${account}:user/bob`);
  });
});

describe("a role session's session policy in the console's multi-account reads (who-can, catalog policies)", () => {
  it("caps sts:AssumeRole through the account's roles as it caps every other request", async () => {
    const account = await freshAccount();
    // Reader may assume any role of the account; Auditor trusts the account and reads it.
    const reader = await makeRole(account, { name: "Reader", trustPolicy: trust(account), permissions: policy(allowStatement(["sts:AssumeRole"], roleArnOf(account, "*"))) });
    await makeRole(account, { name: "Auditor", trustPolicy: trust(account), permissions: policy(allowStatement("iam:GetAccountAuthorizationDetails")) });
    const bob = await userInGroup(account, "bob", policy(allowStatement("sts:AssumeRole", roleArnOf(account, "*"))));
    const sts = stsClient(bob);
    const open = credentialsOf(await sts.send(new AssumeRoleCommand({ RoleArn: reader.arn, RoleSessionName: "open" })));
    const narrow = credentialsOf(await sts.send(new AssumeRoleCommand({ RoleArn: reader.arn, RoleSessionName: "open", Policy: policy(allowStatement("s3:GetObject")) })));
    const identityOf = async (credentials: Credentials) => temporaryIdentity(await db().temporaryCredential.findUniqueOrThrow({ where: { id: credentials.accessKeyId } }));
    const readVia = async (credentials: Credentials) => (await reachableAccounts(await identityOf(credentials), FACTS)).read.find((read) => read.accountId === account);

    // Without a session policy the session reads its account through Auditor.
    expect(await readVia(open)).toMatchObject({ via: "role", roleName: "Auditor" });
    // With one that allows only s3:GetObject it may not assume Auditor, so it reads nothing here —
    // and the decision for the first session of the same ARN is not reused for it.
    expect(await readVia(narrow)).toBeUndefined();
    const unread = (await reachableAccounts(await identityOf(narrow), FACTS)).unread.find((entry) => entry.accountId === account);
    expect(unread).toBeDefined();
  });
});
