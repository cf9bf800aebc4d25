import { ATTACKS, type Attack, type AttackContext } from "./bench/hostile-attacks";
import { errorCode, send, type Answer } from "./bench/hostile-http";
import { BenchServer, type LoopState } from "./bench/hostile-server";

// `npm run bench:hostile`: replays each attack of issue 9 against a production build and quotes
// the longest event-loop stall it caused inside the server (perf_hooks.monitorEventLoopDelay, via
// scripts/bench/loop-monitor.cjs), with the ordinary GETs sent one after another while it ran
// (how many, the slowest) and what it wrote. Target: no stall over 250 ms; exits 1 when one is
// over, unless --report-only. `--only 5` replays the attacks whose name starts with 5. The build
// goes to .next-bench (BENCH_DIST_DIR to change it). The server is restarted after an attack
// that leaves its event loop blocked.

const STALL_TARGET_MS = 250;
const ORDINARY_DELAY_MS = 100;
const ORDINARY_GAP_MS = 100;
const ORDINARY_MAX = 200;
const ACCOUNT = "123456789012";
const USERS_LIST = `/api/v1/accounts/${ACCOUNT}/users`;

interface Row {
  name: string;
  attack: Answer;
  /** The ordinary GETs sent one after another while the attack ran. */
  ordinary: Answer[];
  loop: LoopState | null;
  /** Lower bound of the stall when the loop never came back. */
  stuckMs: number;
  written: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function changeCount(ctx: AttackContext): Promise<number | null> {
  const answer = await send(ctx.port, { method: "GET", path: `/api/v1/accounts/${ACCOUNT}/changes?pageSize=1`, timeoutMs: 10_000 });
  try {
    const total = (JSON.parse(answer.body) as { total?: unknown }).total;
    return typeof total === "number" ? total : null;
  } catch {
    return null;
  }
}

async function replay(server: BenchServer, attack: Attack): Promise<Row> {
  const ctx: AttackContext = { port: server.port, databaseFile: server.databaseFile };
  await attack.arrange?.(ctx);
  const before = await changeCount(ctx);
  const undo = await attack.surround?.(ctx);
  await server.reset();
  let done = false;
  const hostile = send(ctx.port, attack.attack).finally(() => (done = true));
  await sleep(ORDINARY_DELAY_MS);
  const ordinary: Answer[] = [];
  do {
    ordinary.push(await send(ctx.port, { method: "GET", path: attack.ordinary ?? USERS_LIST }));
    if (!done) await sleep(ORDINARY_GAP_MS);
  } while (!done && ordinary.length < ORDINARY_MAX);
  const attackAnswer = await hostile;
  const loop = await server.readAfter(Date.now());
  const stuckMs = loop ? 0 : Date.now() - (server.read()?.at ?? Date.now());
  await undo?.();
  if (!loop) {
    console.log(`  the server's event loop is still blocked after ${(stuckMs / 1000).toFixed(0)} s: restarting it`);
    await server.stop();
    await server.start();
    await server.settle();
  }
  const after = await changeCount(ctx);
  const notes = [await attack.aftermath?.(ctx)];
  if (before !== null && after !== null && after !== before) notes.unshift(`+${after - before} change events`);
  return { name: attack.name, attack: attackAnswer, ordinary, loop, stuckMs, written: notes.filter(Boolean).join("; ") };
}

const seconds = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);

function describe(answer: Answer): string {
  if (typeof answer.status !== "number") return `${answer.status} (${seconds(answer.ms)})`;
  const code = errorCode(answer);
  const size = answer.bytes > 1_000_000 ? `, ${(answer.bytes / 2 ** 20).toFixed(0)} MB body` : "";
  return `${answer.status}${code ? ` ${code}` : ""} (${seconds(answer.ms)}${size})`;
}

/** The slowest of the ordinary GETs, and any that did not answer 200. */
function describeOrdinary(answers: Answer[]): string {
  const slowest = answers.reduce((worst, answer) => (answer.ms > worst.ms ? answer : worst));
  const failed = answers.filter((answer) => answer.status !== 200).map((answer) => answer.status);
  return `${answers.length}, slowest ${describe(slowest)}${failed.length ? `; not 200: ${failed.join(", ")}` : ""}`;
}

function stallOf(row: Row): number {
  return row.loop ? row.loop.maxMs : Math.max(row.stuckMs, row.attack.ms);
}

function table(rows: Row[]): string {
  const lines = [
    "| attack | answer | ordinary GETs meanwhile | max stall (ms) | p99 (ms) | peak RSS (MB) | written |",
    "| --- | --- | --- | ---: | ---: | ---: | --- |",
  ];
  for (const row of rows) {
    const stall = row.loop ? row.loop.maxMs.toFixed(0) : `≥ ${stallOf(row).toFixed(0)} (blocked)`;
    const p99 = row.loop ? row.loop.p99Ms.toFixed(0) : "–";
    const rss = row.loop ? row.loop.peakRssMb.toFixed(0) : "–";
    lines.push(`| ${row.name} | ${describe(row.attack)} | ${describeOrdinary(row.ordinary)} | ${stall} | ${p99} | ${rss} | ${row.written || "nothing"} |`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const only = option("--only");
  const attacks = ATTACKS.filter((attack) => !only || attack.name.startsWith(`${only} `));
  const server = new BenchServer();
  try {
    console.log(`› Starting the production server (build in ${process.env.BENCH_DIST_DIR ?? ".next-bench"}, database in ${server.dir})`);
    await server.start();
    await server.settle();
    const rows: Row[] = [];
    for (const attack of attacks) {
      console.log(`› ${attack.name}`);
      rows.push(await replay(server, attack));
    }
    console.log(`\n${table(rows)}\n`);
    const over = rows.filter((row) => stallOf(row) > STALL_TARGET_MS);
    console.log(over.length === 0 ? `No stall over ${STALL_TARGET_MS} ms.` : `${over.length} attack(s) stalled the event loop over ${STALL_TARGET_MS} ms.`);
    if (over.length > 0 && !process.argv.includes("--report-only")) process.exitCode = 1;
    server.dispose();
  } finally {
    // On a failure the scratch folder stays, with the server's log.
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
