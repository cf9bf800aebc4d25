import { spawnSync } from "node:child_process";
import path from "node:path";

// `npm run bench:access`: the server time of who-can (scripts/bench/who-can.ts) and of the
// effective-permissions panel (scripts/bench/access-panel.ts). Each bench opens its own scratch
// database through lib/db's one process-wide client, so each runs in a process of its own.

const ROOT = path.resolve(__dirname, "..");
const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
const BENCHES = ["scripts/bench/who-can.ts", "scripts/bench/access-panel.ts"];

let failed = false;
for (const bench of BENCHES) {
  console.log(`\n› ${bench}`);
  const result = spawnSync(tsx, ["--conditions=react-server", bench], { cwd: ROOT, stdio: "inherit", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
  if (result.status !== 0) failed = true;
}
if (failed) process.exitCode = 1;
