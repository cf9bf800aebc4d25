import type { APIRequestContext } from "@playwright/test";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { IamApi, PROD_ACCOUNT, uniqueName } from "./iam-api";
import { test as base } from "./test";

// The real AWS SDK clients pointed at the E2E server's AWS endpoint (/aws), with credentials made
// through the console's own API: API-only specs (no browser page) that drive IAM and STS exactly
// as a script or workshop would.

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const AWS_REGION = "us-east-1";

export const iamAt = (baseURL: string | undefined, credentials: Credentials): IAMClient =>
  new IAMClient({ region: AWS_REGION, endpoint: `${baseURL}/aws`, credentials, maxAttempts: 1 });

export const stsAt = (baseURL: string | undefined, credentials: Credentials, region = AWS_REGION): STSClient =>
  new STSClient({ region, endpoint: `${baseURL}/aws`, credentials, maxAttempts: 1 });

/** An access key of an existing user, made through the console's API by `request`'s session. */
export async function userKeys(request: APIRequestContext, userName: string, accountId = PROD_ACCOUNT): Promise<Credentials> {
  const response = await request.post(`/api/v1/accounts/${accountId}/users/${encodeURIComponent(userName)}/access-keys`);
  if (!response.ok()) throw new Error(`Creating ${userName}'s access key answered ${response.status()}: ${await response.text()}`);
  const key = (await response.json()) as { accessKeyId: string; secretAccessKey: string };
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}

/** The administrators adminKeys made during the running test (the suite runs one test at a time). */
let madeAdmins: { accountId: string; userName: string }[] = [];

/**
 * A new administrator of the account (a user with AdministratorAccess) and its access key, made by
 * `request` (signed in as the account's root by default): the caller for specs that arrange and
 * read back entities. `test` below deletes it when the test ends, so the demo's "who can" answers
 * (carol, Admins, the root user) are not crowded out by the suite's administrators.
 */
export async function adminKeys(request: APIRequestContext, prefix: string, accountId = PROD_ACCOUNT): Promise<Credentials & { userName: string }> {
  const userName = uniqueName(prefix);
  const api = new IamApi(request, accountId);
  await api.createUser(userName);
  madeAdmins.push({ accountId, userName });
  await api.attachUserPolicy(userName, "arn:aws:iam::aws:policy/AdministratorAccess");
  return { ...(await userKeys(request, userName, accountId)), userName };
}

export { uniqueName, PROD_ACCOUNT };

/** The suite's test, which deletes the administrators a test made through adminKeys when it ends. */
export const test = base.extend<{ removeAdmins: void }>({
  removeAdmins: [
    async ({ request }, use) => {
      madeAdmins = [];
      await use();
      for (const { accountId, userName } of madeAdmins) {
        const response = await request.delete(`/api/v1/accounts/${accountId}/users/${encodeURIComponent(userName)}?force=true`);
        if (!response.ok() && response.status() !== 404) throw new Error(`Deleting ${userName} answered ${response.status()}: ${await response.text()}`);
      }
      madeAdmins = [];
    },
    { auto: true },
  ],
});

export { expect } from "./test";
