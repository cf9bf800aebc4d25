import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import { db } from "@/lib/db";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { verifyPassword } from "@/lib/passwords";
import { seedDatabase } from "@/prisma/seed/run";
import { freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";

// scripts/iam.ts as `npm run --silent iam -- …` runs it, on this file's test database.
const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

async function iam(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ["--conditions=react-server", "scripts/iam.ts", ...args], { env: process.env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** The same, with `input` on its standard input (a piped password). */
async function iamWithInput(input: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const running = run(tsx, ["--conditions=react-server", "scripts/iam.ts", ...args], { env: process.env });
  running.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("npm run iam", () => {
  it("lists its commands with --help and refuses an unknown one", async () => {
    const help = await iam("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("reset-demo");
    const unknown = await iam("nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "nope"');
    const commandHelp = await iam("reset-demo", "--help");
    expect(commandHelp).toMatchObject({ code: 0 });
    expect(commandHelp.stdout).toContain("acme-security");
  }, 60_000);

  it("fails with a clear message on a database without the seed, then resets a seeded one", async () => {
    const unseeded = await iam("reset-demo");
    expect(unseeded.code).toBe(1);
    expect(unseeded.stderr).toMatch(/^reset-demo failed: NoSuchEntity: The AWS managed policies .* npm run db:seed/);

    await seedDatabase();
    const reset = await iam("reset-demo");
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain("Reset acme-management (111122223333): 1 user.");
    expect(reset.stdout).toContain("Reset acme-prod (123456789012): 5 users, 3 groups, 3 roles and 3 customer managed policies.");
    expect(reset.stdout).toContain("Reset acme-security (444455556666): 1 user and 2 roles.");
  }, 180_000);
});

// An operator's bootstrap: access keys printed as the AWS CLI prints CreateAccessKey's answer
// (https://docs.aws.amazon.com/cli/latest/reference/iam/create-access-key.html), root's when no
// user is named ("Creating access keys for the root user", at most two:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_add-key.html), and console
// passwords read from standard input, held to the account's password policy for users and to AWS's
// root password rules for the root user ("The IAM password policy does not apply to the AWS
// account root user password": https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html).
describe("npm run iam: credentials", () => {
  interface CliAccessKey {
    UserName?: string;
    AccessKeyId: string;
    Status: string;
    SecretAccessKey: string;
    CreateDate: string;
  }

  /** A ListUsers request signed with the key, answered by the route. */
  async function listUsersWith(accountId: string, key: CliAccessKey): Promise<number> {
    const path = `/api/v1/accounts/${accountId}/users`;
    const signer = new SignatureV4({ credentials: { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }, region: "us-east-1", service: "iam", sha256: Hash.bind(null, "sha256") });
    const signed = await signer.sign(new HttpRequest({ method: "GET", protocol: "http:", hostname: "localhost", path, headers: { host: "localhost" } }));
    const res = await users.GET(new NextRequest(new URL(path, "http://localhost"), { headers: signed.headers }), { params: Promise.resolve({ accountId }) });
    return res.status;
  }

  it("creates a user's key and the root user's keys in the AWS CLI's shape, and they sign requests", async () => {
    const accountId = await freshAccount();
    await createUser(accountId, { userName: "Deployer", path: "/", tags: [] });
    await putInlinePolicy("user", accountId, "deployer", "List", allow("iam:ListUsers"));

    const forUser = await iam("create-access-key", "--account", accountId, "--user", "deployer");
    expect(forUser).toMatchObject({ code: 0, stderr: "" });
    const userKey = JSON.parse(forUser.stdout) as { AccessKey: CliAccessKey };
    expect(Object.keys(userKey.AccessKey)).toEqual(["UserName", "AccessKeyId", "Status", "SecretAccessKey", "CreateDate"]);
    expect(userKey.AccessKey).toMatchObject({ UserName: "Deployer", AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/), Status: "Active" });
    expect(userKey.AccessKey.CreateDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    expect(forUser.stdout).toBe(`${JSON.stringify(userKey, null, 4)}\n`);
    expect(await listUsersWith(accountId, userKey.AccessKey)).toBe(200);

    const forRoot = await iam("create-access-key", "--account", accountId);
    const rootKey = JSON.parse(forRoot.stdout) as { AccessKey: CliAccessKey };
    expect(Object.keys(rootKey.AccessKey)).toEqual(["AccessKeyId", "Status", "SecretAccessKey", "CreateDate"]);
    expect(await db().accessKey.findUniqueOrThrow({ where: { id: rootKey.AccessKey.AccessKeyId } })).toMatchObject({ accountId, userId: null });
    expect(await listUsersWith(accountId, rootKey.AccessKey)).toBe(200);

    expect((await iam("create-access-key", "--account", accountId)).code).toBe(0);
    const third = await iam("create-access-key", "--account", accountId);
    expect(third).toMatchObject({ code: 1, stdout: "" });
    expect(third.stderr).toMatch(/^create-access-key failed: LimitExceeded: The root user of account \d{12} already has 2 access keys/);

    expect((await iam("create-access-key", "--user", "deployer")).code).toBe(2);
    expect((await iam("create-access-key", "--account", accountId, "--user", "nobody")).stderr).toMatch(/NoSuchEntity: User "nobody" does not exist/);
  }, 120_000);

  it("sets passwords from standard input under the right rules, never echoing them", async () => {
    const accountId = await freshAccount();
    await createUser(accountId, { userName: "ops", path: "/", tags: [] });
    await db().account.update({ where: { id: accountId }, data: { passwordPolicy: JSON.stringify({ MinimumPasswordLength: 16, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false, AllowUsersToChangePassword: true, HardExpiry: false }) } });

    const weak = await iamWithInput("Short-Pass-1\n", "set-password", "--account", accountId, "--user", "ops");
    expect(weak.code).toBe(1);
    expect(weak.stderr).toBe("set-password failed: PasswordPolicyViolation: Password must be at least 16 characters long.\n");
    expect(weak.stdout + weak.stderr).not.toContain("Short-Pass-1");

    const set = await iamWithInput("a long plain passphrase\n", "set-password", "--account", accountId, "--user", "ops");
    expect(set).toMatchObject({ code: 0, stdout: `Set the console password of user ops in account ${accountId}.\n` });
    expect(set.stdout + set.stderr).not.toContain("passphrase");
    const ops = await db().user.findFirstOrThrow({ where: { accountId, nameLower: "ops" } });
    expect(await verifyPassword("a long plain passphrase", ops.passwordHash ?? "")).toBe(true);

    // The root user is held to AWS's root rules, not the account's policy: 16 plain characters are not enough.
    const rootPlain = await iamWithInput("a long plain passphrase", "set-password", "--account", accountId);
    expect(rootPlain.stderr).toMatch(/^set-password failed: PasswordPolicyViolation: Password must contain at least three of/);
    const root = await iamWithInput("Root-Passw0rd", "set-password", "--account", accountId);
    expect(root).toMatchObject({ code: 0, stdout: `Set the root user's password of account ${accountId}.\n` });
    const account = await db().account.findUniqueOrThrow({ where: { id: accountId } });
    expect(await verifyPassword("Root-Passw0rd", account.rootPasswordHash ?? "")).toBe(true);
  }, 120_000);
});
