import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PROD_ACCOUNT, uniqueName, expect, test } from "../support/aws";

// The aws CLI itself (Debian's awscli, v1; .ci/run installs it when missing) against the E2E
// server's AWS endpoint, with access keys made by the operator command line
// (`npm run iam -- create-access-key`), as the README's "The AWS CLI and SDKs" section shows.
// The server and the operator command share the checkout's master key (data/master.key) and the
// E2E database.

const run = promisify(execFile);

interface Keys {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken?: string;
}

/** An access key made by the operator command line: of the root user, or of `user`. */
async function operatorKey(user?: string): Promise<Keys> {
  const args = ["--conditions=react-server", "scripts/iam.ts", "create-access-key", "--account", PROD_ACCOUNT, ...(user ? ["--user", user] : [])];
  const { stdout } = await run("node_modules/.bin/tsx", args, { env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL } });
  return (JSON.parse(stdout) as { AccessKey: Keys }).AccessKey;
}

/** Runs `aws … --output json` with `keys` and nothing from the machine's own AWS configuration. */
async function aws(baseURL: string | undefined, keys: Keys, args: string[]): Promise<{ ok: true; json: unknown } | { ok: false; stderr: string }> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ACCESS_KEY_ID: keys.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.SecretAccessKey,
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_EC2_METADATA_DISABLED: "true",
    ...(keys.SessionToken ? { AWS_SESSION_TOKEN: keys.SessionToken } : {}),
  };
  try {
    const { stdout } = await run("aws", ["--endpoint-url", `${baseURL}/aws`, "--output", "json", ...args], { env: env as NodeJS.ProcessEnv });
    return { ok: true, json: stdout.trim() ? JSON.parse(stdout) : null };
  } catch (error) {
    return { ok: false, stderr: String((error as { stderr?: string }).stderr ?? error) };
  }
}

const json = (answer: Awaited<ReturnType<typeof aws>>): Record<string, unknown> => {
  if (!answer.ok) throw new Error(`aws failed: ${answer.stderr}`);
  return answer.json as Record<string, unknown>;
};

test.describe("the aws CLI against the console", () => {
  test("lists and creates users, assumes a role as bob, simulates, and answers alice's AccessDenied", async ({ baseURL }) => {
    test.setTimeout(120_000);
    const root = await operatorKey();
    const bob = await operatorKey("bob");
    const alice = await operatorKey("alice");
    try {
      const users = json(await aws(baseURL, root, ["iam", "list-users"])).Users as { UserName: string }[];
      expect(users.map((user) => user.UserName)).toEqual(expect.arrayContaining(["alice", "bob", "carol", "dave", "erin"]));

      const userName = uniqueName("cli-dana");
      const created = json(await aws(baseURL, root, ["iam", "create-user", "--user-name", userName])).User as { Arn: string };
      expect(created.Arn).toBe(`arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`);

      const assumed = json(
        await aws(baseURL, bob, ["sts", "assume-role", "--role-arn", `arn:aws:iam::${PROD_ACCOUNT}:role/RoleName`, "--role-session-name", "bob-cli"]),
      ) as { Credentials: Keys; AssumedRoleUser: { Arn: string } };
      expect(assumed.Credentials.AccessKeyId).toMatch(/^ASIA/);
      expect(assumed.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${PROD_ACCOUNT}:assumed-role/RoleName/bob-cli`);
      const who = json(await aws(baseURL, assumed.Credentials, ["sts", "get-caller-identity"]));
      expect(who).toMatchObject({ Account: PROD_ACCOUNT, Arn: `arn:aws:sts::${PROD_ACCOUNT}:assumed-role/RoleName/bob-cli` });

      const simulated = json(
        await aws(baseURL, root, [
          "iam",
          "simulate-principal-policy",
          "--policy-source-arn",
          `arn:aws:iam::${PROD_ACCOUNT}:user/erin`,
          "--action-names",
          "s3:ListBucket",
          "s3:GetObject",
          "--resource-arns",
          "arn:aws:s3:::my_bucket",
        ]),
      ).EvaluationResults as { EvalActionName: string; EvalDecision: string }[];
      expect(simulated.map((result) => [result.EvalActionName, result.EvalDecision])).toEqual([
        ["s3:ListBucket", "allowed"],
        ["s3:GetObject", "allowed"],
      ]);

      const refused = await aws(baseURL, alice, ["iam", "list-users"]);
      expect(refused.ok).toBe(false);
      // ListUsers has no resource type (Service Authorization Reference): it is decided on "*".
      expect(refused.ok ? "" : refused.stderr).toContain(
        `An error occurred (AccessDenied) when calling the ListUsers operation: User: arn:aws:iam::${PROD_ACCOUNT}:user/alice is not authorized to perform: iam:ListUsers on resource: * because no identity-based policy allows the iam:ListUsers action`,
      );
    } finally {
      // Keys are limited to two per principal: leave the demo's users as they were.
      await aws(baseURL, root, ["iam", "delete-access-key", "--user-name", "bob", "--access-key-id", bob.AccessKeyId]);
      await aws(baseURL, root, ["iam", "delete-access-key", "--user-name", "alice", "--access-key-id", alice.AccessKeyId]);
      await aws(baseURL, root, ["iam", "delete-access-key", "--access-key-id", root.AccessKeyId]);
    }
  });
});
