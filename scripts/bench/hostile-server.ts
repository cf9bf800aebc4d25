import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// The production server `npm run bench:hostile` attacks: scripts/start.mjs (as E2E runs it) with
// its own build folder (.next-bench), a fresh SQLite database seeded with the demo data, a free
// port on 127.0.0.1, and scripts/bench/loop-monitor.cjs preloaded to record event-loop delays.

const ROOT = path.resolve(__dirname, "../..");
const MONITOR = path.join(__dirname, "loop-monitor.cjs");
const READY_TIMEOUT_MS = 900_000;

export interface LoopState {
  pid: number;
  epoch: number;
  at: number;
  maxMs: number;
  p99Ms: number;
  samples: number;
  peakRssMb: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export class BenchServer {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "iam-bench-hostile-"));
  readonly databaseFile = path.join(this.dir, "iam.db");
  private readonly loopFile = path.join(this.dir, "loop.json");
  private child: ChildProcess | null = null;
  private epoch = 0;
  port = 0;

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Builds when needed, migrates, seeds (first start only) and serves; resolves once the API answers. */
  async start(): Promise<void> {
    this.port = await freePort();
    const nodeOptions = [process.env.NODE_OPTIONS, `--require=${MONITOR}`].filter(Boolean).join(" ");
    const log = fs.openSync(path.join(this.dir, "server.log"), "a");
    // Its own process group, so stop() can end the server that start.mjs spawned with it.
    this.child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        PORT: String(this.port),
        DATABASE_URL: `file:${this.databaseFile}`,
        NEXT_DIST_DIR: process.env.BENCH_DIST_DIR ?? ".next-bench",
        NODE_OPTIONS: nodeOptions,
        IAM_BENCH_LOOP_FILE: this.loopFile,
      },
    });
    const started = Date.now();
    while (Date.now() - started < READY_TIMEOUT_MS) {
      if (this.child.exitCode !== null) throw new Error(`The server exited (${this.child.exitCode}); see ${this.dir}/server.log`);
      try {
        const answer = await fetch(`${this.base}/api/v1/accounts`, { signal: AbortSignal.timeout(5_000) });
        if (answer.ok && this.read()) return;
      } catch {
        // Not listening yet.
      }
      await sleep(1_000);
    }
    throw new Error(`The server did not answer within ${READY_TIMEOUT_MS / 1000} s; see ${this.dir}/server.log`);
  }

  /** Stops the server's process group: SIGTERM, then SIGKILL when a blocked event loop ignores it. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    const outcome = await Promise.race([exited.then(() => "exited"), sleep(5_000).then(() => "stuck")]);
    if (outcome === "stuck") {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
      await exited;
    }
    this.child = null;
  }

  read(): LoopState | null {
    try {
      return JSON.parse(fs.readFileSync(this.loopFile, "utf8")) as LoopState;
    } catch {
      return null;
    }
  }

  /** A fresh histogram: resolves once the monitor has acknowledged it (false when the loop is stuck). */
  async reset(timeoutMs = 3_000): Promise<boolean> {
    this.epoch += 1;
    fs.writeFileSync(`${this.loopFile}.reset`, String(this.epoch));
    return (await this.waitFor((state) => state.epoch === this.epoch, timeoutMs)) !== null;
  }

  /** The histogram as written after `since` (the loop's state once the attack is over). */
  async readAfter(since: number, timeoutMs = 2_000): Promise<LoopState | null> {
    return this.waitFor((state) => state.epoch === this.epoch && state.at > since, timeoutMs);
  }

  /** Waits until the loop is quiet (no stall over 50 ms during a second), bounded. */
  async settle(timeoutMs = 60_000): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      await this.reset();
      await sleep(1_000);
      const state = await this.readAfter(Date.now());
      if (state && state.maxMs < 50) return;
    }
  }

  private async waitFor(test: (state: LoopState) => boolean, timeoutMs: number): Promise<LoopState | null> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const state = this.read();
      if (state && test(state)) return state;
      await sleep(50);
    }
    return null;
  }

  /** Removes the scratch folder (database, logs). */
  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
