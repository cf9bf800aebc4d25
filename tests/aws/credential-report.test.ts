import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CreateUserCommand,
  CredentialReportNotPresentException,
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
} from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/sign-in";
import { createUser } from "@/lib/data/create-user";
import { CREDENTIAL_REPORT_COLUMNS, generateCredentialReport, REPORT_REUSE_MS } from "@/lib/data/credential-report";
import { setRootPassword } from "@/lib/data/set-root-password";
import { updatePasswordPolicy } from "@/lib/data/update-password-policy";
import { passwordPolicySchema } from "@/lib/auth/password-policy-schema";
import { freshAccount } from "@/tests/support/identity";
import { arrangeAccount } from "@/tests/support/aws-account-fixtures";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";

// IAM API Reference: GenerateCredentialReport, GetCredentialReport; the report's columns and
// values as "Getting credential reports for your AWS account" (IAM User Guide) has them.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateCredentialReport.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html

const HEADER =
  "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
  "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
  "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service," +
  "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

/** A time as the report writes it. */
const at = (date: Date | null | undefined): string => {
  if (!date) throw new Error("expected a time");
  return date.toISOString().replace(/\.\d{3}Z$/, "+00:00");
};

/** The CSV parsed back: its header line and one record per row, keyed by column. */
function parseReport(csv: string): { header: string; rows: Map<string, Record<string, string>> } {
  const [header, ...lines] = csv.split("\n");
  const columns = header.split(",");
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines) {
    const values = line.split(",");
    expect(values).toHaveLength(columns.length);
    rows.set(values[0], Object.fromEntries(columns.map((column, i) => [column, values[i]])));
  }
  return { header, rows };
}

const NO_CERTS = { cert_1_active: "false", cert_1_last_rotated: "N/A", cert_2_active: "false", cert_2_last_rotated: "N/A" };
const NO_SECOND_KEY = { access_key_2_active: "false", access_key_2_last_rotated: "N/A", access_key_2_last_used_date: "N/A", access_key_2_last_used_region: "N/A", access_key_2_last_used_service: "N/A" };

describe("the credential report with the real IAM client", () => {
  it("answers ReportNotPresent before any report, then STARTED and COMPLETE (GenerateCredentialReport)", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const missing = await iam.send(new GetCredentialReportCommand({})).then(() => null, (err: unknown) => err as { message: string; $metadata: { httpStatusCode: number } });
    expect(missing).toBeInstanceOf(CredentialReportNotPresentException);
    expect(missing?.$metadata.httpStatusCode).toBe(410);

    expect(await iam.send(new GenerateCredentialReportCommand({}))).toMatchObject({ State: "STARTED", Description: "No report exists. Starting a new report generation task" });
    const again = await iam.send(new GenerateCredentialReportCommand({}));
    expect(again.State).toBe("COMPLETE");
    expect(again.Description).toBeUndefined();
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe("text/csv");
    expect(report.GeneratedTime).toBeInstanceOf(Date);
    expect(report.Content).toBeInstanceOf(Uint8Array);
    const { header, rows } = parseReport(Buffer.from(report.Content ?? new Uint8Array()).toString("utf8"));
    expect(header).toBe(HEADER);
    expect(header.split(",")).toEqual([...CREDENTIAL_REPORT_COLUMNS]);
    expect([...rows.keys()]).toEqual(["<root_account>"]);
  });

  it("writes each credential column as AWS does, for the root user and every user", async () => {
    const account = await freshAccount();
    const { accessKeys } = await arrangeAccount(account);
    await updatePasswordPolicy(account, passwordPolicySchema.parse({ MaxPasswordAge: 90 }));
    // The root user and ana sign in to the console; ana's first key signs a request.
    const rootEmail = `root-${randomBytes(4).toString("hex")}@example.com`;
    await db().account.update({ where: { id: account }, data: { rootEmail } });
    await setRootPassword(account, "Root-Passw0rd!x");
    const facts = { sourceIp: "10.7.7.7", userAgent: "vitest", secure: false };
    await signIn({ rootEmail, password: "Root-Passw0rd!x" }, facts, "http://localhost:3000/");
    await signIn({ account, userName: "ana", password: "Correct-Horse-9" }, facts, "http://localhost:3000/");
    await iamClient(accessKeys[0]).send(new GetAccountSummaryCommand({})).catch(() => undefined);

    const root = iamClient(await rootCredentials(account));
    await root.send(new GenerateCredentialReportCommand({}));
    const report = await root.send(new GetCredentialReportCommand({}));
    const { rows } = parseReport(Buffer.from(report.Content ?? new Uint8Array()).toString("utf8"));
    expect([...rows.keys()]).toEqual(["<root_account>", "ana", "bob"]);

    const accountRow = await db().account.findUniqueOrThrow({ where: { id: account } });
    const rootSignIn = await db().auditEvent.findFirstOrThrow({ where: { eventName: "ConsoleLogin", principalArn: `arn:aws:iam::${account}:root` }, orderBy: { at: "desc" } });
    const rootKey = await db().accessKey.findFirstOrThrow({ where: { accountId: account, userId: null } });
    expect(rows.get("<root_account>")).toEqual({
      user: "<root_account>",
      arn: `arn:aws:iam::${account}:root`,
      user_creation_time: at(accountRow.createdAt),
      password_enabled: "not_supported",
      password_last_used: at(rootSignIn.at),
      password_last_changed: "not_supported",
      password_next_rotation: "not_supported",
      mfa_active: "false",
      access_key_1_active: "true",
      access_key_1_last_rotated: at(rootKey.createdAt),
      access_key_1_last_used_date: at(rootKey.lastUsedAt),
      access_key_1_last_used_region: "us-east-1",
      access_key_1_last_used_service: "iam",
      ...NO_SECOND_KEY,
      ...NO_CERTS,
    });

    const ana = await db().user.findFirstOrThrow({ where: { accountId: account, nameLower: "ana" } });
    const [first, second] = await Promise.all(accessKeys.map((key) => db().accessKey.findUniqueOrThrow({ where: { id: key.accessKeyId } })));
    expect(rows.get("ana")).toEqual({
      user: "ana",
      arn: `arn:aws:iam::${account}:user/eng/ana`,
      user_creation_time: at(ana.createdAt),
      password_enabled: "true",
      password_last_used: at(ana.passwordLastUsedAt),
      password_last_changed: at(ana.passwordSetAt),
      password_next_rotation: at(new Date((ana.passwordSetAt?.getTime() ?? 0) + 90 * 24 * 3600 * 1000)),
      mfa_active: "true",
      access_key_1_active: "true",
      access_key_1_last_rotated: at(first.createdAt),
      access_key_1_last_used_date: at(first.lastUsedAt),
      access_key_1_last_used_region: "us-east-1",
      access_key_1_last_used_service: "iam",
      // The second key is inactive: "If the user does not have an active access key, … N/A".
      access_key_2_active: "false",
      access_key_2_last_rotated: "N/A",
      access_key_2_last_used_date: "N/A",
      access_key_2_last_used_region: "N/A",
      access_key_2_last_used_service: "N/A",
      ...NO_CERTS,
    });
    expect(second.status).toBe("Inactive");

    const bob = await db().user.findFirstOrThrow({ where: { accountId: account, nameLower: "bob" } });
    expect(rows.get("bob")).toEqual({
      user: "bob",
      arn: `arn:aws:iam::${account}:user/bob`,
      user_creation_time: at(bob.createdAt),
      password_enabled: "false",
      password_last_used: "N/A",
      password_last_changed: "N/A",
      password_next_rotation: "N/A",
      mfa_active: "false",
      access_key_1_active: "false",
      access_key_1_last_rotated: "N/A",
      access_key_1_last_used_date: "N/A",
      access_key_1_last_used_region: "N/A",
      access_key_1_last_used_service: "N/A",
      ...NO_SECOND_KEY,
      ...NO_CERTS,
    });
  });

  it("keeps a report four hours, then generates a new one with who is there now", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new GenerateCredentialReportCommand({}));
    const first = await iam.send(new GetCredentialReportCommand({}));
    await createUser(account, { userName: "latecomer", path: "/", tags: [] });
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("COMPLETE");
    const kept = await iam.send(new GetCredentialReportCommand({}));
    expect(kept.GeneratedTime).toEqual(first.GeneratedTime);
    expect(Buffer.from(kept.Content ?? new Uint8Array()).toString("utf8")).not.toContain("latecomer");

    const later = new Date((first.GeneratedTime?.getTime() ?? 0) + REPORT_REUSE_MS + 1000);
    expect(await generateCredentialReport(account, later)).toEqual({ state: "STARTED", description: "The last report is more than four hours old. Starting a new report generation task" });
    const fresh = await iam.send(new GetCredentialReportCommand({}));
    expect(fresh.GeneratedTime?.getTime()).toBe(Math.floor(later.getTime() / 1000) * 1000);
    expect(Buffer.from(fresh.Content ?? new Uint8Array()).toString("utf8")).toContain(`latecomer,arn:aws:iam::${account}:user/latecomer,`);
  });

  it("refuses a user without permission with AWS's AccessDenied message; audits generating, not an allowed read", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "nopolicy" }));
    await root.send(new GenerateCredentialReportCommand({}));
    await root.send(new GetCredentialReportCommand({}));
    const iam = iamClient(await userCredentials(account, "nopolicy"));
    for (const [command, action] of [
      [new GenerateCredentialReportCommand({}), "iam:GenerateCredentialReport"],
      [new GetCredentialReportCommand({}), "iam:GetCredentialReport"],
    ] as const) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const denied = await iam.send(command as any).then(() => null, (err: unknown) => err as { name: string; message: string; $metadata: { httpStatusCode: number } });
      expect(denied).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      expect(denied?.message).toBe(`User: arn:aws:iam::${account}:user/nopolicy is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`);
    }
    const audit = await db().auditEvent.findMany({ where: { accountId: account, eventName: { contains: "CredentialReport" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.eventSource, a.eventName, a.principalArn, a.errorCode])).toEqual([
      ["iam.amazonaws.com", "GenerateCredentialReport", `arn:aws:iam::${account}:root`, null],
      ["iam.amazonaws.com", "GenerateCredentialReport", `arn:aws:iam::${account}:user/nopolicy`, "AccessDenied"],
      ["iam.amazonaws.com", "GetCredentialReport", `arn:aws:iam::${account}:user/nopolicy`, "AccessDenied"],
    ]);
    // Generating a report changes no IAM entity: nothing in the change log.
    expect(await db().changeEvent.count({ where: { accountId: account, action: { contains: "CredentialReport" } } })).toBe(0);
  });
});
