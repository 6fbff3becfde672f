import type { Dialect, DialectEnv, Keepalive, WireFrame } from "@voxwire/core";
import { silence } from "../../audio/test-signals.js";
import { framesEqual } from "../../golden/golden-frame.js";
import { CONFORMANCE_AGENT } from "../conformance-agent.js";
import { asError } from "../conversation.js";
import { LiveCall, sleep } from "../live-call.js";
import { failed, ms, passed, type Scenario, type ScenarioContext, type ScenarioOutcome, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";
import { APP_RATE } from "../test-audio.js";

/** Idle for this many intervals: two keepalives are due (the timer starts as the socket opens). */
const IDLE_INTERVALS = 2.3;
/**
 * Audio flows for an interval, a little over (a `whileIdleOnly` keepalive must send none
 * meanwhile; a plain one would send one in any stretch this long).
 */
const AUDIO_INTERVALS = 1;
const AUDIO_EXTRA_MS = 100;
/** Intervals longer than this make the scenario slow: the subject should shorten them for tests. */
const QUICK_INTERVAL_MS = 2000;
/** The most the scenario waits in all (it has 30 s). */
const MAX_WAIT_MS = 25_000;

/**
 * Keepalive, where the dialect's codec declares one (`keepalive`: interval, idle-only, frames):
 * on its own call, the client sends nothing for 2.3 intervals and must send the keepalive frames
 * on schedule (two, about an interval apart), then, when it is idle-only, streams silence for a
 * little over an interval and must send none while audio flows. Counted on the wire tap: outgoing frames equal
 * to the codec's `keepalive.frames()`.
 */
export const keepaliveScenario: Scenario = {
  ...catalogEntry("keepalive"),
  skip(ctx) {
    const why = catalogEntry("keepalive").skipFor?.(ctx.capabilities);
    if (why !== undefined) return why;
    const declared = declaredKeepalive(ctx.dialect);
    if (typeof declared === "string") return declared;
    const waitMs = declared.intervalMs * IDLE_INTERVALS + (declared.whileIdleOnly ? declared.intervalMs * AUDIO_INTERVALS + AUDIO_EXTRA_MS : 0);
    if (waitMs > MAX_WAIT_MS) {
      return `the keepalive interval is ${declared.intervalMs} ms: watching it would take ${Math.round(waitMs / 1000)} s; the dialect's conformance subject should shorten it for tests`;
    }
    return undefined;
  },
  async run(ctx) {
    const declared = declaredKeepalive(ctx.dialect);
    if (typeof declared === "string") return skipped(declared);
    const unreachable = ctx.unreachable();
    if (unreachable) return skipped(unreachable);
    ctx.progress("dialing for keepalive");
    let call: LiveCall;
    try {
      call = await LiveCall.open(ctx.dialect, { appRate: APP_RATE, stepMs: ctx.stepMs, signal: ctx.signal });
    } catch (error) {
      return skipped(`no session: ${asError(error).code}`);
    }
    try {
      return await watch(ctx, call, declared);
    } finally {
      await call.close(2000);
    }
  },
};

/** The keepalive a fresh codec of this dialect declares, or why there is none to watch. */
function declaredKeepalive(dialect: Dialect): Keepalive | string {
  const env: DialectEnv = { runtime: "node", now: Date.now(), ...(dialect.capabilities.sessionConfig ? { agent: CONFORMANCE_AGENT } : {}) };
  try {
    const preparation = dialect.prepare(env);
    if (preparation.kind !== "plan") return "the plan comes from a bootstrap call: its codec's keepalive cannot be read before dialing";
    const keepalive = dialect.createCodec(preparation.plan, env).keepalive;
    if (!keepalive || !(keepalive.intervalMs > 0)) return "the dialect's codec declares no keepalive";
    return keepalive;
  } catch (error) {
    return `the dialect's codec could not be built to read its keepalive: ${asError(error).message}`;
  }
}

async function watch(ctx: ScenarioContext, call: LiveCall, keepalive: Keepalive): Promise<ScenarioOutcome> {
  const interval = keepalive.intervalMs;
  const expected = keepalive.frames()[0];
  if (expected === undefined) return failed("the dialect declares a keepalive whose frames() is empty: nothing would keep the connection alive");
  if (!(await call.waitFor((e) => e.type === "session-started", ctx.stepMs))) return skipped("no session (see bootstrap)");
  const sentAt = () => call.tap.frames.filter((f) => f.dir === "out" && isKeepalive(f.frame, expected)).map((f) => f.atMs);

  ctx.progress(`idle for ${IDLE_INTERVALS} keepalive intervals`);
  const idleEnd = call.openedAtMs + interval * IDLE_INTERVALS;
  await sleep(idleEnd - call.tap.now());
  if (call.ended) return failed("the session ended while idle");
  const idle = sentAt().filter((at) => at <= idleEnd);
  const gaps = idle.slice(1).map((at, i) => at - idle[i]!);
  const gapMs = gaps.length > 0 ? gaps.reduce((a, b) => a + b, 0) / gaps.length : undefined;
  const measured: Record<string, number | string> = { intervalMs: interval, sentIdle: idle.length };
  if (gapMs !== undefined) measured.gapMs = ms(gapMs);
  const slow =
    interval > QUICK_INTERVAL_MS
      ? `; at ${interval} ms the dialect's conformance subject should shorten the interval for tests (a keepaliveIntervalMs factory option, say)`
      : "";
  const idleDetail = `${idle.length} keepalive frames in ${IDLE_INTERVALS} idle intervals of ${interval} ms${gapMs === undefined ? "" : `, ${measured.gapMs} ms apart`}`;
  if (idle.length < 2) return failed(`${idleDetail}: expected 2${slow}`, measured);
  if (gapMs !== undefined && (gapMs < interval * 0.5 || gapMs > interval * 1.5))
    return failed(`${idleDetail}: not on the ${interval} ms schedule${slow}`, measured);
  if (!keepalive.whileIdleOnly)
    return passed(`${idleDetail} (sent while audio flows too: whileIdleOnly is false)${slow}`, measured, summary(measured));

  ctx.progress("streaming silence for a keepalive interval");
  // A little over, so the frames on the wire (the pipeline may hold the last one) span the stretch.
  await call.stream(silence(APP_RATE, (interval * AUDIO_INTERVALS + AUDIO_EXTRA_MS) / 1000), true, ctx.signal);
  // What went out after the idle stretch, keepalives aside, is the audio.
  const audioOut = call.tap.frames.filter((f) => f.dir === "out" && f.atMs > idleEnd && !isKeepalive(f.frame, expected));
  const from = audioOut[0]?.atMs;
  const to = audioOut.at(-1)?.atMs;
  if (from === undefined || to === undefined || to - from < interval) {
    return failed(`${idleDetail}; but the audio meant to flow for an interval did not (${audioOut.length} frames out)`, measured);
  }
  const during = sentAt().filter((at) => at > from && at <= to).length;
  measured.sentWhileAudio = during;
  const detail = `${idleDetail}; ${during} while audio flowed for ${ms(to - from)} ms`;
  if (during > 0) return failed(`${detail}: the keepalive is declared idle-only${slow}`, measured);
  return passed(`${detail}${slow}`, measured, summary(measured));
}

/** The same frame as the keepalive's (text compared as JSON, binary byte for byte). */
function isKeepalive(frame: WireFrame, expected: WireFrame): boolean {
  return framesEqual(frame, expected);
}

function summary(measured: Record<string, number | string>): string {
  return `every ${measured.gapMs ?? measured.intervalMs} ms idle${measured.sentWhileAudio === undefined ? "" : ` · ${measured.sentWhileAudio} during audio`}`;
}
