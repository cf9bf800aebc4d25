/**
 * npm run bench:engine — the engine's two figures for bench/principal.json:
 *   1. median of full sweeps, each from the raw JSON text (parse + validate + compile + sweep);
 *   2. single-request evaluations per second over 10,000 varied requests (different actions,
 *      resources and contexts), with the policies compiled once up front and nothing cached
 *      between requests.
 * Each figure is given in wall-clock time and in this process's CPU time: on a machine shared
 * with other work the two differ. The CPU figure counts every thread of the process, so it also
 * holds V8's background compilation and garbage collection; compare wall medians on a quiet machine.
 * Each median comes with its p95 (for rates: the slowest 5% of rounds).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadCatalog } from "@/lib/catalog/load";
import { createEvaluator, prepareCatalog, prepareRequest, sweep, type ContextValue } from "@/lib/iam";

const SWEEPS = 200;
const WARMUP = 40;
const REQUESTS = 10_000;
const ROUNDS = 15;

/** Milliseconds of CPU this process used since `since` (user + system). */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value below which `share` of the values fall (nearest rank). */
function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** A small deterministic generator, so every run benchmarks the same requests. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const RESOURCES = [
  "*",
  "arn:aws:s3:::acme-audit-logs/2024/01/app.log",
  "arn:aws:s3:::acme-data/reports/q1.csv",
  "arn:aws:dynamodb:eu-west-1:123456789012:table/orders-2024",
  "arn:aws:lambda:eu-west-1:123456789012:function:app-billing",
  "arn:aws:iam::123456789012:user/alice",
  "arn:aws:iam::123456789012:role/app-lambda-exec",
  "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/app-billing:log-stream:x",
  "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc",
];

const CONTEXTS: Record<string, ContextValue>[] = [
  { "aws:SourceIp": "203.0.113.10", "aws:RequestedRegion": "eu-west-1", "aws:MultiFactorAuthPresent": "true", "aws:ViaAWSService": "false" },
  { "aws:SourceIp": "198.51.100.7", "aws:RequestedRegion": "us-east-1", "aws:ViaAWSService": "false" },
  { "aws:SourceIp": "2001:db8::1", "aws:RequestedRegion": "eu-central-1", "aws:MultiFactorAuthPresent": "false" },
  { "aws:SourceIp": "203.0.113.99", "aws:TagKeys": ["team", "env"], "aws:RequestTag/team": "payments", "dynamodb:Attributes": ["id", "status"] },
  { "aws:SourceIp": "203.0.113.1", "kms:ViaService": "s3.eu-west-1.amazonaws.com", "iam:PassedToService": "lambda.amazonaws.com" },
  {},
];

function main(): void {
  const catalog = loadCatalog();
  prepareCatalog(catalog);
  const text = readFileSync(path.join(process.cwd(), "bench/principal.json"), "utf8");
  const requestOf = (json: string): unknown => {
    const cases: unknown = JSON.parse(json);
    if (!Array.isArray(cases) || typeof cases[0] !== "object" || cases[0] === null) throw new Error("bench/principal.json: expected one case");
    return (cases[0] as Record<string, unknown>).request;
  };

  const times: number[] = [];
  const cpuTimes: number[] = [];
  let actions = 0;
  for (let i = 0; i < WARMUP + SWEEPS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const outcome = sweep(requestOf(text), catalog);
    if (!outcome.ok) throw new Error(outcome.error);
    const { result } = outcome;
    const elapsed = performance.now() - start;
    const cpu = cpuMs(cpuStart);
    if (result.decision !== "swept") throw new Error("bench principal has invalid policies");
    actions = result.counts.allowed + result.counts.explicitDeny + result.counts.implicitDeny;
    if (i >= WARMUP) {
      times.push(elapsed);
      cpuTimes.push(cpu);
    }
  }
  console.log(
    `sweep: median ${median(times).toFixed(2)} ms wall (p95 ${percentile(times, 0.95).toFixed(2)}), ` +
      `${median(cpuTimes).toFixed(2)} ms CPU (p95 ${percentile(cpuTimes, 0.95).toFixed(2)}), over ${SWEEPS} sweeps of ${actions} actions ` +
      "(parse + validate + compile + sweep; target ≤ 20 ms)",
  );

  const prepared = prepareRequest(requestOf(text));
  if (!prepared.ok) throw new Error(prepared.error);
  const evaluator = createEvaluator(prepared);
  const next = random(42);
  const allActions = catalog.services.flatMap((service) => service.actions.map((action) => `${service.prefix}:${action.name}`));
  const requests = Array.from({ length: REQUESTS }, () => ({
    action: allActions[Math.floor(next() * allActions.length)],
    resource: RESOURCES[Math.floor(next() * RESOURCES.length)],
    context: CONTEXTS[Math.floor(next() * CONTEXTS.length)],
  }));
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let allowed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    allowed = 0;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (const request of requests) {
      if (evaluator.evaluate(request.action, request.resource, request.context).decision === "allowed") allowed++;
    }
    rates.push(REQUESTS / ((performance.now() - start) / 1000));
    cpuRates.push(REQUESTS / (cpuMs(cpuStart) / 1000));
  }
  const perSecond = (rate: number) => Math.round(rate).toLocaleString("en-US");
  console.log(
    `evaluate: median ${perSecond(median(rates))} evaluations/s wall (slowest 5% of rounds: ${perSecond(percentile(rates, 0.05))}), ` +
      `${perSecond(median(cpuRates))}/s CPU, over ` +
      `${REQUESTS.toLocaleString("en-US")} varied requests × ${ROUNDS} rounds (${allowed} allowed; policies compiled once ` +
      "up front, every applicable statement visited per request, no result cached; target ≥ 200,000/s)",
  );
}

main();
