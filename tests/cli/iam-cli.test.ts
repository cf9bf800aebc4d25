import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { seedDatabase } from "@/prisma/seed/run";

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
    expect(reset.stdout).toContain("Reset acme-prod (123456789012): 5 users, 3 groups, 2 roles and 3 customer managed policies.");
    expect(reset.stdout).toContain("Reset acme-security (444455556666): 1 user and 1 role.");
  }, 180_000);
});
