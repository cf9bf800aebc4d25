import { spawn } from "node:child_process";
import path from "node:path";
import { json, send, type RawRequest } from "./hostile-http";

// The attacks of issue 9 ("Hostile input cannot hurt the console"), each as the request an
// attacker sends to the production server. scripts/bench-hostile.ts replays them one by one.

const ACCOUNT = "123456789012";
const USERS = `/api/v1/accounts/${ACCOUNT}/users`;
const ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";

export interface AttackContext {
  port: number;
  databaseFile: string;
}

export interface Attack {
  name: string;
  /** Sent before the attack, once (creates what the attack aims at). */
  arrange?: (ctx: AttackContext) => Promise<void>;
  /** Runs before the attack and resolves with a function that undoes it, awaited after. */
  surround?: (ctx: AttackContext) => Promise<() => Promise<void>>;
  attack: RawRequest;
  /** The ordinary GET sent while the attack runs (default: the users list). */
  ordinary?: string;
  /** What the attack left behind, in a few words ("" when nothing). */
  aftermath?: (ctx: AttackContext) => Promise<string>;
}

const policy = (statement: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: statement });

const sandbox = (document: string, resource: string) =>
  json("POST", "/api/v1/simulate", {
    sandbox: { principalArn: `arn:aws:iam::${ACCOUNT}:user/sandbox`, identityPolicies: [document] },
    actions: ["s3:GetObject"],
    resources: [resource],
  });

/** `[[[…]]]` nested `depth` levels as a document's Statement. */
const nested = (depth: number) => `{"Version":"2012-10-17","Statement":${"[".repeat(depth)}${"]".repeat(depth)}}`;

/** A CreateUser body of about `megabytes` MB (an over-long path). */
const bigBody = (megabytes: number) => {
  const filler = Math.max(0, megabytes * 2 ** 20 - 40);
  return Buffer.from(`{"userName":"big-body","path":"/${"a".repeat(filler)}/"}`);
};

/** The form a page on another origin submits: text/plain, JSON-looking. */
const crossSite = (pathname: string, body: unknown): RawRequest => ({
  method: "POST",
  path: pathname,
  headers: { "Content-Type": "text/plain", Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate" },
  body: JSON.stringify(body),
});

async function statusOf(ctx: AttackContext, pathname: string): Promise<number | string> {
  return (await send(ctx.port, { method: "GET", path: pathname, timeoutMs: 10_000 })).status;
}

const existsNote = (what: string) => async (ctx: AttackContext, pathname: string) =>
  (await statusOf(ctx, pathname)) === 200 ? what : "";

/** Another process holds `BEGIN EXCLUSIVE` on the database for `ms`; resolves once it has the lock. */
function holdExclusiveLock(databaseFile: string, ms: number): Promise<() => Promise<void>> {
  const script = `
    const Database = require("better-sqlite3");
    const sqlite = new Database(process.argv[1]);
    sqlite.exec("BEGIN EXCLUSIVE");
    console.log("locked");
    setTimeout(() => { sqlite.exec("COMMIT"); sqlite.close(); }, Number(process.argv[2]));`;
  const locker = spawn(process.execPath, ["-e", script, databaseFile, String(ms)], {
    cwd: path.resolve(__dirname, "../.."),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => locker.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    locker.stdout.once("data", () => resolve(() => exited));
    locker.once("exit", (code) => reject(new Error(`The lock holder exited (${code}) before taking the lock`)));
  });
}

const lockDuring = (ms: number) => (ctx: AttackContext) => holdExclusiveLock(ctx.databaseFile, ms);

export const ATTACKS: Attack[] = [
  {
    name: "1 simulate *a*a*a*a*b against 400 a's",
    attack: sandbox(policy([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::*a*a*a*a*b" }]), `arn:aws:s3:::${"a".repeat(400)}`),
  },
  {
    name: "2 100,000 invalid statements (5.8 MB) as an inline policy",
    attack: json("PUT", `${USERS}/alice/inline-policies/Hostile`, {
      policyDocument: policy(Array.from({ length: 100_000 }, () => ({ Effect: "Maybe", Action: 1, Resource: {} }))),
    }),
    aftermath: (ctx) => existsNote("policy stored")(ctx, `${USERS}/alice/inline-policies/Hostile`),
  },
  ...[10, 50, 100].map(
    (mb): Attack => ({
      name: `3 ${mb} MB body to CreateUser`,
      attack: { method: "POST", path: USERS, headers: { "Content-Type": "application/json" }, body: bigBody(mb) },
    }),
  ),
  {
    name: "3 body stalled after its headers",
    attack: { ...json("POST", USERS, { userName: "stalled-body" }), partialBytes: 5, timeoutMs: 15_000 },
  },
  {
    name: "4 document nested 7,000 levels, inline policy",
    attack: json("PUT", `${USERS}/alice/inline-policies/Deep`, { policyDocument: nested(7_000) }),
  },
  {
    // Within the 2,048-character inline quota, so the depth limit (not the size scan) refuses it.
    name: "4 document nested 1,000 levels, inline policy",
    attack: json("PUT", `${USERS}/alice/inline-policies/Deep`, { policyDocument: nested(1_000) }),
  },
  { name: "4 document nested 7,000 levels, simulate", attack: sandbox(nested(7_000), "*") },
  {
    name: "5 cross-site text/plain form: CreateUser",
    attack: crossSite(USERS, { userName: "evil-form-user" }),
    aftermath: (ctx) => existsNote("user created")(ctx, `${USERS}/evil-form-user`),
  },
  {
    name: "5 cross-site text/plain form: attach AdministratorAccess",
    attack: crossSite(`${USERS}/erin/attached-policies`, { policyArn: ADMIN_ARN }),
    aftermath: async (ctx) => {
      const answer = await send(ctx.port, { method: "GET", path: `${USERS}/erin/attached-policies`, timeoutMs: 10_000 });
      return answer.body.includes(ADMIN_ARN) ? "AdministratorAccess attached" : "";
    },
  },
  { name: "5 Host: attacker.example", attack: { method: "GET", path: "/api/v1/accounts", headers: { Host: "attacker.example" } } },
  {
    name: "6 duplicate Effect keys (Deny, then Allow)",
    attack: json("PUT", `${USERS}/alice/inline-policies/Duplicate`, {
      policyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Action":"iam:*","Resource":"*"}]}',
    }),
    aftermath: (ctx) => existsNote("policy stored")(ctx, `${USERS}/alice/inline-policies/Duplicate`),
  },
  { name: "7 GET …/users/%E0%A4%A", attack: { method: "GET", path: `${USERS}/%E0%A4%A` } },
  { name: "7 GET …/users/%C0%AE%C0%AE%2F", attack: { method: "GET", path: `${USERS}/%C0%AE%C0%AE%2F` } },
  { name: "7 TRACE /api/v1/accounts", attack: { method: "TRACE", path: "/api/v1/accounts" } },
  {
    name: "8 DELETE …/users/%E2%84%AAelvin-target (Kelvin sign)",
    arrange: async (ctx) => void (await send(ctx.port, json("POST", USERS, { userName: "kelvin-target" }))),
    attack: { method: "DELETE", path: `${USERS}/%E2%84%AAelvin-target` },
    aftermath: async (ctx) => ((await statusOf(ctx, `${USERS}/kelvin-target`)) === 404 ? "kelvin-target deleted" : ""),
  },
  {
    name: "9 database locked 10 s: CreateUser (catalog reads beside)",
    surround: lockDuring(10_000),
    attack: json("POST", USERS, { userName: "during-lock" }),
    ordinary: "/api/v1/catalog/services?search=s3",
  },
  {
    name: "9 database locked 10 s: a read (groups list)",
    surround: lockDuring(10_000),
    attack: { method: "GET", path: `/api/v1/accounts/${ACCOUNT}/groups` },
  },
  { name: "10 no-op: PUT login-profile {}", attack: json("PUT", `${USERS}/alice/login-profile`, {}) },
  { name: "10 no-op: PUT role tags []", attack: json("PUT", `/api/v1/accounts/${ACCOUNT}/roles/RoleName/tags`, { tags: [] }) },
  { name: "10 no-op: PATCH user, same path", attack: json("PATCH", `${USERS}/alice`, { newPath: "/" }) },
];
