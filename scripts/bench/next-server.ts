import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

// The production server the HTTP benches (bench:db, bench:api) time: `npm start`'s own server
// (scripts/server.mjs, Next's handler behind Node's HTTP server) on a free port of 127.0.0.1
// against a build in .next-bench, rebuilt only when the sources are newer.

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = ".next-bench";
export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

export function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, quiet = false): void {
  console.log(`› ${label}`);
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${label} failed`);
}

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .filter((child) => child !== "node_modules" && child !== "generated")
    .reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), 0);
}

export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, DIST, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return ["app", "components", "lib", "public", "next.config.mjs", "package.json", "proxy.ts"].some((entry) => newestMtime(path.join(ROOT, entry)) > built);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Builds when stale, starts the server and resolves once it answers (any HTTP status). */
export async function startNext(env: NodeJS.ProcessEnv): Promise<{ base: string; stop: () => void }> {
  if (buildIsStale()) run(`Building the app into ${DIST} (a minute or more)`, bin("next"), ["build"], env);
  else console.log(`› ${DIST} is up to date`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`› Starting the server on port ${port}`);
  const server: ChildProcess = spawn(process.execPath, ["scripts/server.mjs"], { cwd: ROOT, env: { ...env, PORT: String(port) }, detached: true, stdio: "ignore" });
  const stop = () => {
    try {
      process.kill(-(server.pid ?? 0), "SIGTERM");
    } catch {
      // already gone
    }
  };
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error("the server exited");
    try {
      await (await fetch(`${base}/api/v1/catalog/services`)).arrayBuffer();
      return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error("the server did not answer within 2 minutes");
}
