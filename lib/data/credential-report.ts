import "server-only";
import { accountRootArn } from "@/lib/arn";
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import { parseStoredPolicy } from "@/lib/data/get-password-policy";
import { findAccountOrThrow } from "@/lib/data/lookup";

/**
 * The credential report (GenerateCredentialReport, GetCredentialReport): one CSV row per user of
 * the account after the root user's, with the state of each credential, in the columns and words
 * of "Getting credential reports for your AWS account" (IAM User Guide): `not_supported` where a
 * column has no meaning for the root user, `N/A` where the credential is missing, `no_information`
 * for a password never used, `true`/`false` and times as `2026-12-03T18:52:24+00:00`.
 *
 * Like IAM, a report is generated at most every four hours: a request within four hours of the
 * last report keeps it (State COMPLETE), an older one or none starts a new one (State STARTED).
 * Generation is immediate here, so the report is ready once GenerateCredentialReport answers.
 * Reports are kept in this process's memory, per account, with their generation time (they are
 * derived data, like IAM's, and a restart only means generating again).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateCredentialReport.html
 */

export const CREDENTIAL_REPORT_COLUMNS = [
  "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
  "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
  "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region", "access_key_2_last_used_service",
  "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
] as const;

/** How long a report is reused before a request generates a new one. */
export const REPORT_REUSE_MS = 4 * 60 * 60 * 1000;

export interface CredentialReport {
  /** The CSV text, header first. */
  content: string;
  generatedAt: Date;
}

// On globalThis: every bundle of the server that loads this module shares one store.
const STORE_KEY = Symbol.for("iam-console.credential-reports");
const store: Map<string, CredentialReport> = ((globalThis as Record<symbol, unknown>)[STORE_KEY] ??= new Map()) as Map<string, CredentialReport>;

const NA = "N/A";
const time = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "+00:00");
const bool = (value: boolean): string => (value ? "true" : "false");
const DAY_MS = 24 * 60 * 60 * 1000;

/** A field as RFC 4180 writes it: quoted only when it holds a comma, quote or line break (IAM names may hold commas). */
const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

interface KeyRow {
  userId: string | null;
  status: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedService: string | null;
  lastUsedRegion: string | null;
}

/** The five columns of one access key (the user's first or second, by creation). */
function keyColumns(key: KeyRow | undefined): string[] {
  if (!key) return ["false", NA, NA, NA, NA];
  const active = key.status === "Active";
  // "If the user does not have an active access key, the value in this field is N/A."
  const rotated = active ? time(key.createdAt) : NA;
  if (!key.lastUsedAt) return [bool(active), rotated, NA, NA, NA];
  return [bool(active), rotated, time(key.lastUsedAt), key.lastUsedRegion ?? NA, key.lastUsedService ?? NA];
}

/** The signing-certificate columns: the console has no X.509 signing certificates. */
const NO_CERTIFICATES = ["false", NA, "false", NA];

/** The report as it stands now, read with one query per table. */
export async function buildCredentialReport(accountId: string): Promise<string> {
  const client = db();
  const account = await findAccountOrThrow(client, accountId);
  const rootArn = accountRootArn(accountId);
  const [users, keys, devices, rootSignIn] = await Promise.all([
    client.user.findMany({
      where: { accountId },
      orderBy: { nameLower: "asc" },
      select: { id: true, name: true, arn: true, createdAt: true, passwordHash: true, passwordSetAt: true, passwordLastUsedAt: true },
    }),
    client.accessKey.findMany({
      where: { accountId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { userId: true, status: true, createdAt: true, lastUsedAt: true, lastUsedService: true, lastUsedRegion: true },
    }),
    client.mfaDevice.findMany({ where: { accountId, enabledAt: { not: null } }, select: { userId: true, forRoot: true } }),
    // The root user's last console sign-in: its latest successful ConsoleLogin in the audit trail.
    client.auditEvent.findFirst({
      where: { principalArn: rootArn, eventName: "ConsoleLogin", errorCode: null, errorMessage: null },
      orderBy: { at: "desc" },
      select: { at: true },
    }),
  ]);
  const keysOf = new Map<string | null, KeyRow[]>();
  for (const key of keys) keysOf.set(key.userId, [...(keysOf.get(key.userId) ?? []), key]);
  const withMfa = new Set(devices.map((device) => (device.forRoot ? null : device.userId)));
  const maxAge = parseStoredPolicy(account.passwordPolicy)?.MaxPasswordAge;

  const credentials = (owner: string | null): string[] => {
    const [first, second] = keysOf.get(owner) ?? [];
    return [bool(withMfa.has(owner)), ...keyColumns(first), ...keyColumns(second), ...NO_CERTIFICATES];
  };
  const root = [
    "<root_account>",
    rootArn,
    time(account.createdAt),
    "not_supported",
    rootSignIn ? time(rootSignIn.at) : "no_information",
    "not_supported",
    "not_supported",
    ...credentials(null),
  ];
  const rows = users.map((user) => {
    const hasPassword = user.passwordHash !== null;
    const setAt = user.passwordSetAt;
    return [
      user.name,
      user.arn,
      time(user.createdAt),
      bool(hasPassword),
      !hasPassword ? NA : user.passwordLastUsedAt ? time(user.passwordLastUsedAt) : "no_information",
      hasPassword && setAt ? time(setAt) : NA,
      hasPassword && setAt && maxAge ? time(new Date(setAt.getTime() + maxAge * DAY_MS)) : NA,
      ...credentials(user.id),
    ];
  });
  return [CREDENTIAL_REPORT_COLUMNS, root, ...rows].map((row) => row.map(field).join(",")).join("\n");
}

export interface GenerateOutcome {
  state: "STARTED" | "COMPLETE";
  description?: string;
}

/** GenerateCredentialReport: a new report unless one is under four hours old. */
export async function generateCredentialReport(accountId: string, now: Date = new Date()): Promise<GenerateOutcome> {
  const kept = store.get(accountId);
  if (kept && now.getTime() - kept.generatedAt.getTime() < REPORT_REUSE_MS) return { state: "COMPLETE" };
  const content = await buildCredentialReport(accountId);
  store.set(accountId, { content, generatedAt: now });
  return {
    state: "STARTED",
    description: kept ? "The last report is more than four hours old. Starting a new report generation task" : "No report exists. Starting a new report generation task",
  };
}

/** GetCredentialReport: the account's latest report; ReportNotPresent before the first one. */
export async function getCredentialReport(accountId: string): Promise<CredentialReport> {
  await findAccountOrThrow(db(), accountId);
  const kept = store.get(accountId);
  if (!kept) throw new IamError("ReportNotPresent", "Credential report not present. Generate one with GenerateCredentialReport first.");
  return kept;
}
