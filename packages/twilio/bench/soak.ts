/*
 * The soak, short form: calls through the bridge in cycles for a few minutes, `--at-once` calls
 * live together in each cycle of `--cycle-s` seconds, hung up and dialed again, so both many
 * calls in sequence and many at once go through one bridge process. Between cycles (no call
 * live) and mid-cycle (all live) it samples the bridge's heap after a full GC, its RSS and its
 * live handles; after the warm-up (the first quarter of the samples) it reports each one's slope
 * per minute by least squares, and frames dropped. A slope near zero is no growth.
 *
 *   npx tsx bench/soak.ts [--at-once 100] [--minutes 3] [--cycle-s 15] [--json FILE]
 *
 * `--sequence N` is the other shape: N calls one after another, each `--call-ms` long, with the
 * bridge sampled (idle, after a full GC) every `--sample-every` calls, so a leak of one call's
 * worth shows as a slope over thousands of calls rather than a few cycles.
 *
 *   npx tsx bench/soak.ts --sequence 10000 [--call-ms 150] [--sample-every 200] [--json FILE]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchChild } from "./bench-child.js";

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    "at-once": { type: "string" },
    minutes: { type: "string" },
    "cycle-s": { type: "string" },
    sequence: { type: "string" },
    "call-ms": { type: "string" },
    "sample-every": { type: "string" },
    json: { type: "string", default: `${here}/results/soak.json` },
  },
});
const sequence = values.sequence === undefined ? undefined : Number(values.sequence);
// Each shape's options mean nothing to the other: refused, rather than a run that is not the one asked for.
const foreign = (sequence === undefined ? (["call-ms", "sample-every"] as const) : (["at-once", "minutes", "cycle-s"] as const)).filter(
  (name) => values[name] !== undefined,
);
if (foreign.length > 0) {
  console.error(
    `soak: --${foreign.join(", --")} ${foreign.length > 1 ? "apply" : "applies"} only ${sequence === undefined ? "with" : "without"} --sequence`,
  );
  process.exit(2);
}
const atOnce = Number(values["at-once"] ?? "100");
const durationMs = Number(values.minutes ?? "3") * 60_000;
const cycleMs = Number(values["cycle-s"] ?? "15") * 1000;
const callMs = Number(values["call-ms"] ?? "150");
const sampleEvery = Number(values["sample-every"] ?? "200");

interface Sample {
  atMin: number;
  phase: "idle" | "live";
  heapUsedMb: number;
  rssMb: number;
  externalMb: number;
  handles: number;
  live: number;
  ended: number;
  dropped: number;
  /** The Twilio side's count: its calls open right now, and so far ones that never opened or that the bridge ended. */
  callerLive: number;
  failed: number;
  closedByBridge: number;
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const agent = benchChild("agent-driver.ts", {});
const { port: agentPort } = await agent.next<{ port: number }>("ready");
const bridge = benchChild(
  "bridge-process.ts",
  { BENCH_AGENT_URL: `ws://127.0.0.1:${agentPort}`, BENCH_SCHEDULER: "shared" },
  { execArgv: ["--expose-gc"] },
);
const { port: bridgePort } = await bridge.next<{ port: number }>("ready");
const twilio = benchChild("twilio-driver.ts", {});
await twilio.next("ready");
const started = performance.now();
const samples: Sample[] = [];
type CallerTotals = { totals: { live: number; failed: number; closedByBridge: number } };
const sample = async (phase: Sample["phase"]) => {
  const reply = bridge.next<Omit<Sample, "atMin" | "phase" | "callerLive" | "failed" | "closedByBridge">>("sample");
  const callers = twilio.next<CallerTotals>("report");
  bridge.send("sample");
  twilio.send("report");
  const { totals } = await callers;
  const s = {
    atMin: (performance.now() - started) / 60_000,
    phase,
    ...(await reply),
    callerLive: totals.live,
    failed: totals.failed,
    closedByBridge: totals.closedByBridge,
  };
  samples.push(s);
  process.stderr.write(
    `  ${s.atMin.toFixed(2)} min ${phase}: heap ${s.heapUsedMb.toFixed(1)} MB, RSS ${s.rssMb.toFixed(0)} MB, external ${s.externalMb.toFixed(1)} MB, handles ${s.handles}, live ${s.live} (caller side ${s.callerLive}), ended ${s.ended}, dropped ${s.dropped}, failed ${s.failed}, ended by the bridge ${s.closedByBridge}\n`,
  );
};
/** One round: `calls` dialed, `liveMs` of talk (sampled halfway if asked), all hung up. */
async function round(calls: number, rampMs: number, liveMs: number, sampleLive: boolean): Promise<void> {
  const up = twilio.next("calls-started");
  twilio.send("start-calls", { url: `ws://127.0.0.1:${bridgePort}/media`, calls, rampMs });
  await up;
  await sleep(liveMs / 2);
  if (sampleLive) await sample("live");
  await sleep(liveMs / 2);
  const down = twilio.next("calls-stopped");
  twilio.send("stop-calls");
  await down;
}
const idleSample = async () => {
  await sleep(1000); // the bridge finishes both legs' closes
  await sample("idle");
};

let cycles = 0;
if (sequence !== undefined) {
  await idleSample();
  for (let call = 1; call <= sequence; call++) {
    await round(1, 0, callMs, false);
    if (call % sampleEvery === 0 || call === sequence) await idleSample();
    cycles++;
  }
} else {
  while (performance.now() - started < durationMs) {
    await round(atOnce, Math.max(500, atOnce * 5), cycleMs, true);
    await idleSample();
    cycles++;
  }
}
for (const c of [twilio, bridge, agent]) c.send("shutdown");

const after = (phase: Sample["phase"]) => {
  const own = samples.filter((s) => s.phase === phase);
  return own.slice(Math.floor(own.length / 4));
};
const slopes = Object.fromEntries(
  (["idle", "live"] as const).map((phase) => [
    phase,
    {
      heapMbPerMin: slope(after(phase).map((s) => [s.atMin, s.heapUsedMb])),
      rssMbPerMin: slope(after(phase).map((s) => [s.atMin, s.rssMb])),
      externalMbPerMin: slope(after(phase).map((s) => [s.atMin, s.externalMb])),
      handlesPerMin: slope(after(phase).map((s) => [s.atMin, s.handles])),
    },
  ]),
);
const last = samples.at(-1)!;
const machine = `${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(
  `\nSoak (${machine}): ${sequence === undefined ? `${cycles} cycles of ${atOnce} calls at once` : `${sequence} calls in sequence, ${callMs} ms each`}, ${last.ended} calls in all over ${last.atMin.toFixed(1)} min, ${last.dropped} frames dropped, ${last.failed} calls never opened, ${last.closedByBridge} ended by the bridge\n\n` +
    "| samples after warm-up | heap after GC | external (buffers) | RSS | handles |\n|---|---:|---:|---:|---:|\n" +
    (["idle", "live"] as const)
      .filter((p) => after(p).length > 1)
      .map(
        (p) =>
          `| ${p} (${after(p).length}) | ${slopes[p]!.heapMbPerMin.toFixed(2)} MB/min | ${slopes[p]!.externalMbPerMin.toFixed(2)} MB/min | ${slopes[p]!.rssMbPerMin.toFixed(2)} MB/min | ${slopes[p]!.handlesPerMin.toFixed(2)} /min |`,
      )
      .join("\n"),
);
mkdirSync(dirname(values.json), { recursive: true });
writeFileSync(
  values.json,
  `${JSON.stringify({ machine, ...(sequence === undefined ? { atOnce, cycleMs } : { sequence, callMs }), cycles, slopes, samples, at: new Date().toISOString() }, null, 2)}\n`,
);
process.exit(0);
