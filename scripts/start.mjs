// `npm start`: build the app if the build is missing or older than the sources, apply
// migrations, seed an empty database with the demo data, then serve on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  DATABASE_URL: process.env.DATABASE_URL || "file:./data/iam.db",
};
const port = process.env.PORT || "3000";
const distDir = env.NEXT_DIST_DIR || ".next";
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(label, command, args) {
  console.log(`› ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsStale() {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "instrumentation.ts", "next.config.mjs", "scripts/monaco-workers-loader.cjs", "package.json"];
  return sources.some((entry) => newestMtime(entry) > built);
}

function databaseIsEmpty() {
  const file = env.DATABASE_URL.slice("file:".length);
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare('SELECT COUNT(*) AS n FROM "Account"').get().n === 0;
  } finally {
    sqlite.close();
  }
}

if (buildIsStale()) run("Building the app (about a minute)", bin("next"), ["build"]);
else console.log("› Build is up to date");
run("Applying database migrations", bin("prisma"), ["migrate", "deploy"]);
// The seed runs lib/data, whose modules are marked server-only: resolve them as the server does.
if (databaseIsEmpty()) run("Seeding the demo data", bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]);

console.log(`› Serving on http://localhost:${port}`);
// The server stays in this process group, so whoever stops us (Ctrl-C, Playwright's teardown)
// stops it too; a signal sent to this process alone is passed on. It sets each request's source
// address from the connection (IAM_TRUST_PROXY=1 keeps a proxy's X-Forwarded-For instead).
const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], { stdio: "inherit", env: { ...env, PORT: port } });
// While the server starts: how to sign in to the demo, if its documented passwords still work.
const demo = spawn(bin("tsx"), ["--conditions=react-server", "scripts/demo-sign-ins.ts"], { stdio: "inherit", env: { ...env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (demo.exitCode === null) demo.kill(signal);
    server.kill(signal);
  });
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
