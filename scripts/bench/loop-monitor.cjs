// Preloaded (NODE_OPTIONS=--require) by `npm run bench:hostile` into the server it starts:
// records the event loop's delays with perf_hooks.monitorEventLoopDelay and writes them every
// 100 ms to IAM_BENCH_LOOP_FILE, so the bench can read the longest stall an attack caused. The
// bench asks for a fresh histogram by writing a new number into `<file>.reset`. Inert unless the
// variable is set and this process is the server: scripts/server.mjs, or `next start` in older
// trees (the build, migrations and seed that scripts/start.mjs runs first inherit NODE_OPTIONS too).
const file = process.env.IAM_BENCH_LOOP_FILE;
const script = process.argv[1] ?? "";
const isServer =
  Boolean(file) && (/scripts[\\/]server\.mjs$/.test(script) || (/next$/.test(script) && process.argv.slice(2).includes("start")));

if (isServer) {
  const fs = require("node:fs");
  const { monitorEventLoopDelay } = require("node:perf_hooks");
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let epoch = 0;
  let peakRss = 0;
  const ms = (ns) => (histogram.count === 0 ? 0 : ns / 1e6);

  const tick = () => {
    let wanted = epoch;
    try {
      wanted = Number(fs.readFileSync(`${file}.reset`, "utf8")) || 0;
    } catch {
      // No reset asked for yet.
    }
    if (wanted !== epoch) {
      histogram.reset();
      peakRss = 0;
      epoch = wanted;
    }
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const state = {
      pid: process.pid,
      epoch,
      at: Date.now(),
      maxMs: ms(histogram.max),
      p99Ms: ms(histogram.percentile(99)),
      samples: histogram.count,
      peakRssMb: peakRss / 2 ** 20,
    };
    // Written aside and renamed, so the bench never reads half a file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
    fs.renameSync(`${file}.tmp`, file);
  };
  setInterval(tick, 100).unref();
}
