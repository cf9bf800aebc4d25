import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import { createDb, db } from "@/lib/db";
import { BUSY_TIMEOUT_MS, isDatabaseBusy, retryWhileBusy } from "@/lib/data/busy";
import { getAccount } from "@/lib/data/get-account";
import { listUsers } from "@/lib/data/list-users";
import { write } from "@/lib/data/write";
import { IamError } from "@/lib/errors";
import { listUsersQuery } from "@/lib/schemas/user";
import { migratedSqliteDatabase } from "@/prisma/migrate-sqlite";
import { callRaw, errorCode, snapshotCounts, withConcurrentGet } from "@/tests/support/hostile";
import { freshAccount } from "@/tests/support/identity";
import { sessionCookie } from "@/tests/support/session";

const HOLDER = path.resolve(__dirname, "../support/hold-sqlite-lock.mjs");
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

interface Holder {
  said(line: string): boolean;
  saying(line: string): Promise<void>;
  exited: Promise<void>;
}

/** Starts another process on the SQLite `file` (see hold-sqlite-lock.mjs); resolves once it holds the lock. */
async function holdLock(file: string, ms: number, mode: "shared" | "exclusive" | "bump" = "shared"): Promise<Holder> {
  const child = spawn(process.execPath, [HOLDER, file, String(ms), mode], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const lines = new Set<string>();
  const waiting = new Map<string, () => void>();
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    lines.add(line);
    waiting.get(line)?.();
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const saying = (line: string) =>
    lines.has(line) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(line, resolve));
  await Promise.race([saying("locked"), exited.then(() => Promise.reject(new Error("the lock holder exited early")))]);
  return { said: (line) => lines.has(line), saying, exited };
}

/** Counts turns of the event loop until stopped: a loop held by a synchronous wait counts none. */
function countTicks(): () => number {
  let ticks = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    ticks += 1;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return () => {
    running = false;
    return ticks;
  };
}

const testDatabaseFile = () => (process.env.DATABASE_URL ?? "").slice("file:".length);

let accountId: string;
beforeEach(async () => {
  accountId = await freshAccount();
  // The root session the calls act as is written now, not while another process holds the lock.
  await sessionCookie({ accountId });
});

const postUser = (userName: string) =>
  callRaw(users.POST, "POST", `/api/v1/accounts/${accountId}/users`, { accountId }, {
    body: JSON.stringify({ userName }),
    headers: { host: "localhost", "content-type": "application/json" },
  });
const getUsers = () =>
  callRaw(users.GET, "GET", `/api/v1/accounts/${accountId}/users`, { accountId }, { headers: { host: "localhost" } });

describe("SQLite connections", () => {
  it("use WAL mode with a 50 ms busy wait", async () => {
    expect(await db().$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    expect(await db().$queryRawUnsafe("PRAGMA busy_timeout")).toEqual([{ timeout: BigInt(BUSY_TIMEOUT_MS) }]);
  });

  it("switch a database made in rollback-journal mode (as prisma migrate deploy makes it) to WAL", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "iam-busy-")), "old.db");
    const sqlite = new Database(file);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("delete");
    sqlite.close();
    const client = createDb(`file:${file}`);
    try {
      expect(await client.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    } finally {
      await client.$disconnect();
    }
  });
});

describe("while another process holds the write lock", () => {
  it("answers reads through lib/data", async () => {
    const holder = await holdLock(testDatabaseFile(), 7_000);
    const [account, page] = await Promise.all([getAccount(accountId), listUsers(accountId, listUsersQuery.parse({}))]);
    expect(account.accountId).toBe(accountId);
    expect(page.items).toEqual([]);
    expect(holder.said("releasing")).toBe(false);
  });

  it("refuses a write after 5 s with 503 ServiceUnavailable and Retry-After, writing nothing, while GETs are answered and the loop turns", async () => {
    const before = await snapshotCounts();
    const holder = await holdLock(testDatabaseFile(), 7_000);
    const stop = countTicks();
    const { result, ordinaryStatus, getFirst } = await withConcurrentGet(() => postUser("blocked"), getUsers);
    const ticks = stop();
    expect(result.status).toBe(503);
    expect(errorCode(result)).toBe("ServiceUnavailable");
    expect(result.headers.get("retry-after")).toBe("1");
    expect(holder.said("releasing")).toBe(false);
    expect(ordinaryStatus).toBe(200);
    expect(getFirst).toBe(true);
    // The write waited about 5 s between attempts on timers; a synchronous busy wait turns none.
    expect(ticks).toBeGreaterThan(100);
    expect(await snapshotCounts()).toEqual(before);
  });

  it("lets a write through once a short lock is released, with one change event", async () => {
    const before = await snapshotCounts();
    const holder = await holdLock(testDatabaseFile(), 300);
    let answered = false;
    const writing = postUser("patient").finally(() => {
      answered = true;
    });
    await holder.saying("releasing");
    expect(answered).toBe(false);
    const result = await writing;
    expect(result.status).toBe(201);
    expect(await snapshotCounts()).toEqual({ ...before, users: before.users + 1, changes: before.changes + 1 });
  });

  it("runs a write again from its start when another process committed after the write read", async () => {
    const before = await snapshotCounts();
    let attempts = 0;
    await write(async (tx, log) => {
      attempts += 1;
      await tx.user.count({ where: { accountId } });
      if (attempts === 1) await (await holdLock(testDatabaseFile(), 0, "bump")).exited;
      await tx.userTag.deleteMany({ where: { user: { accountId } } });
      log({ accountId, action: "UntagUser", targetArn: `arn:aws:iam::${accountId}:root`, summary: "retried" });
    });
    expect(attempts).toBe(2);
    expect(await snapshotCounts()).toEqual({ ...before, changes: before.changes + 1 });
  });

  it("connects once a lock that shuts out readers too is released, waiting on timers", async () => {
    const file = migratedSqliteDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "iam-busy-")), "iam.db")).slice("file:".length);
    const holder = await holdLock(file, 300, "exclusive");
    const client = createDb(`file:${file}`);
    try {
      const stop = countTicks();
      expect(await client.account.count()).toBe(0);
      expect(holder.said("releasing")).toBe(true);
      expect(stop()).toBeGreaterThan(10);
    } finally {
      await client.$disconnect();
    }
  });
});

describe("isDatabaseBusy", () => {
  const driverError = (originalCode: string) => ({ cause: { originalCode, kind: "SocketTimeout" } });
  it("recognizes a lock in each shape it reaches us, and nothing else", () => {
    expect(isDatabaseBusy({ code: "P1008", meta: { driverAdapterError: driverError("SQLITE_BUSY") } })).toBe(true);
    expect(isDatabaseBusy({ code: "SQLITE_BUSY_SNAPSHOT", message: "database is locked" })).toBe(true);
    expect(isDatabaseBusy({ code: "SQLITE_LOCKED_SHAREDCACHE" })).toBe(true);
    expect(isDatabaseBusy(driverError("SQLITE_BUSY"))).toBe(true);
    expect(isDatabaseBusy({ code: "P1008", meta: {} })).toBe(false);
    expect(isDatabaseBusy({ code: "P2002" })).toBe(false);
    expect(isDatabaseBusy({ code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." })).toBe(true);
    expect(isDatabaseBusy({ code: "P2028", message: "Transaction API error: Transaction already closed." })).toBe(false);
    expect(isDatabaseBusy({ code: "SQLITE_BUSYNESS" })).toBe(false);
    expect(isDatabaseBusy(new IamError("NoSuchEntity", "gone"))).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
  });

  it("is the only error retryWhileBusy retries", async () => {
    let attempts = 0;
    const failing = retryWhileBusy(async () => {
      attempts += 1;
      throw new IamError("NoSuchEntity", "gone");
    });
    await expect(failing).rejects.toMatchObject({ code: "NoSuchEntity" });
    expect(attempts).toBe(1);
  });
});
