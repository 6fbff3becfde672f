/*
 * Side by side against the peer: the same Twilio-side load driver (twilio-driver.ts) and the same
 * OpenAI Realtime vendor side (openai-agent-driver.ts, the simulator's OpenAI front at G.711
 * μ-law), with between them either voxwire's bridge (Twilio ↔ OpenAI, μ-law passed through) or
 * OpenAI's own Twilio transport with a RealtimeSession (peer-process.mjs). Each side runs in its
 * own process on the same Node (the peer needs ≥ 22, so both run on the pinned Node 22), so CPU
 * (process.cpuUsage) and RSS are that side's own. Per N the two sides run back to back, in
 * alternating order, `--repeats` times, so a ratio is taken in one window of the shared machine.
 *
 *   npx tsx bench/side-by-side.ts [--calls 50,200,500] [--repeats 2] [--window-s 10] [--json FILE]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchChild } from "./bench-child.js";
import type { LatencyReport as Latency } from "./latency-log.js";
import { installPeer, PEER_VERSIONS } from "./peer-install.js";

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "50,200,500" },
    repeats: { type: "string", default: "2" },
    "window-s": { type: "string", default: "10" },
    json: { type: "string", default: `${here}/results/side-by-side.json` },
  },
});
const counts = values.calls
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const repeats = Math.max(1, Number(values.repeats));
const windowMs = Number(values["window-s"]) * 1000;
const node22 = execFileSync(process.execPath, [join(here, "../../../scripts/ensure-node.mjs"), "22"], { encoding: "utf8" })
  .trim()
  .split("\n")
  .at(-1)!;
const peerDir = installPeer();
const nodeVersion = execFileSync(node22, ["-p", "process.version"], { encoding: "utf8" }).trim();

type Side = "voxwire bridge" | "peer (agents-extensions)";
interface SideResult {
  side: Side;
  calls: number;
  repeat: number;
  liveCalls: number;
  cpuPercent: number;
  cpuPerCallPercent: number;
  /** CPU per frame carried (both directions): fair between a side that kept up and one that did not. */
  cpuUsPerFrame: number;
  rssMb: number;
  loopDelayP99Ms: number;
  callerToAgent: Latency;
  agentToCaller: Latency;
  dropped: number;
  mediaReceived: number;
  loadAverage: [number, number];
}

const f = (n: number | null, d = 1) => (typeof n === "number" && Number.isFinite(n) ? n.toFixed(d) : "n/a");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runSide(side: Side, calls: number, repeat: number): Promise<SideResult> {
  const loadBefore = loadavg()[0]!;
  const agent = benchChild("openai-agent-driver.ts", {});
  const { port: agentPort } = await agent.next<{ port: number }>("ready");
  const env = { BENCH_AGENT_URL: `ws://127.0.0.1:${agentPort}`, BENCH_AGENT: "openai", BENCH_SCHEDULER: "shared", BENCH_PEER_DIR: peerDir };
  const bridge =
    side === "voxwire bridge"
      ? benchChild("bridge-process.ts", env, { execPath: node22 })
      : benchChild("peer-process.mjs", env, { execPath: node22 });
  const { port: bridgePort } = await bridge.next<{ port: number }>("ready");
  const twilio = benchChild("twilio-driver.ts", {});
  await twilio.next("ready");
  const rampMs = Math.max(1000, calls * 6);
  const started = twilio.next("calls-started");
  twilio.send("start-calls", { url: `ws://127.0.0.1:${bridgePort}/media`, calls, rampMs });
  await started;
  await sleep(2000);
  for (const c of [agent, bridge, twilio]) c.send("window-start");
  await sleep(windowMs);
  const windowReport = bridge.next<Record<string, number>>("window");
  for (const c of [agent, bridge, twilio]) c.send("window-stop");
  const w = await windowReport;
  const tr = twilio.next<{ latency: Latency; totals: Record<string, number> }>("report");
  twilio.send("report");
  const ar = agent.next<{ latency: Latency; sessions: Record<string, number> }>("report");
  agent.send("report");
  const [t, a] = await Promise.all([tr, ar]);
  const stopped = twilio.next("calls-stopped");
  twilio.send("stop-calls");
  await stopped;
  for (const c of [twilio, bridge, agent]) c.send("shutdown");
  await Promise.all([twilio.exited, bridge.exited, agent.exited]);
  const cpuPercent = (w.cpuMs! / w.wallMs!) * 100;
  const r: SideResult = {
    side,
    calls,
    repeat,
    liveCalls: w.liveCalls!,
    cpuPercent,
    cpuPerCallPercent: cpuPercent / calls,
    cpuUsPerFrame: (w.cpuMs! * 1000) / Math.max(1, a.latency.frames + t.latency.frames),
    rssMb: w.rssMb!,
    loopDelayP99Ms: w.loopDelayP99Ms!,
    callerToAgent: a.latency,
    agentToCaller: t.latency,
    dropped: a.latency.gaps + t.latency.gaps + w.droppedInWindow!,
    mediaReceived: t.totals.mediaReceived!,
    loadAverage: [loadBefore, loadavg()[0]!],
  };
  process.stderr.write(
    `    ${side} ×${calls} #${repeat}: CPU ${r.cpuPercent.toFixed(1)} %, c→a p99 ${f(a.latency.p99, 2)} ms (${a.latency.frames} frames), a→c p99 ${f(t.latency.p99, 2)} ms (${t.latency.frames} frames), dropped ${r.dropped}, RSS ${r.rssMb.toFixed(0)} MB\n`,
  );
  return r;
}

const machine = `${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, both sides on Node ${nodeVersion}`;
process.stderr.write(
  `side by side on ${machine}; peer @openai/agents-extensions ${PEER_VERSIONS.extensions} + @openai/agents-realtime ${PEER_VERSIONS.realtime}\n`,
);
const results: SideResult[] = [];
for (const calls of counts) {
  for (let repeat = 1; repeat <= repeats; repeat++) {
    // Alternate which side goes first, so drift in the machine's load does not favour one.
    const order: Side[] = repeat % 2 === 1 ? ["voxwire bridge", "peer (agents-extensions)"] : ["peer (agents-extensions)", "voxwire bridge"];
    for (const side of order) results.push(await runSide(side, calls, repeat));
  }
}

const lines = [
  "| calls | run | side | CPU (% of one core) | CPU per call | CPU per frame carried | caller→agent p50 / p99 | agent→caller p50 / p99 | frames dropped | RSS | event-loop delay p99 | load avg |",
  "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
];
for (const r of results)
  lines.push(
    `| ${r.calls} | ${r.repeat} | ${r.side} | ${f(r.cpuPercent)} % | ${f(r.cpuPerCallPercent, 3)} % | ${f(r.cpuUsPerFrame, 1)} µs | ${f(r.callerToAgent.p50, 2)} / ${f(r.callerToAgent.p99, 2)} ms | ${f(r.agentToCaller.p50, 2)} / ${f(r.agentToCaller.p99, 2)} ms | ${r.dropped} of ${r.callerToAgent.frames + r.agentToCaller.frames} | ${f(r.rssMb, 0)} MB | ${f(r.loopDelayP99Ms, 2)} ms | ${f(r.loadAverage[0])}→${f(r.loadAverage[1])} |`,
  );
const ratios = [
  "| calls | run | CPU per call, voxwire ÷ peer | CPU per frame carried, voxwire ÷ peer | p99 caller→agent, voxwire / peer | p99 agent→caller, voxwire / peer |",
  "|---:|---:|---:|---:|---:|---:|",
];
for (const calls of counts)
  for (let repeat = 1; repeat <= repeats; repeat++) {
    const v = results.find((r) => r.calls === calls && r.repeat === repeat && r.side === "voxwire bridge")!;
    const p = results.find((r) => r.calls === calls && r.repeat === repeat && r.side !== "voxwire bridge")!;
    ratios.push(
      `| ${calls} | ${repeat} | ${f(v.cpuPerCallPercent / p.cpuPerCallPercent, 2)}× | ${f(v.cpuUsPerFrame / p.cpuUsPerFrame, 2)}× | ${f(v.callerToAgent.p99, 2)} / ${f(p.callerToAgent.p99, 2)} ms | ${f(v.agentToCaller.p99, 2)} / ${f(p.agentToCaller.p99, 2)} ms |`,
    );
  }
console.log(
  `\nSide by side against the peer (${machine}; ${windowMs / 1000} s window after a 2 s steady state)\n\n${lines.join("\n")}\n\n${ratios.join("\n")}\n`,
);
mkdirSync(dirname(values.json), { recursive: true });
writeFileSync(values.json, `${JSON.stringify({ machine, peer: PEER_VERSIONS, windowMs, results, at: new Date().toISOString() }, null, 2)}\n`);
