import { callTimeline } from "../call-timeline.js";
import { asError } from "../conversation.js";
import { LiveCall, sleep } from "../live-call.js";
import { failed, ms, passed, type Scenario, type ScenarioContext, type ScenarioOutcome, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";
import { APP_RATE, speech } from "../test-audio.js";

/** How long the agent may take to clear after the user starts talking over it. */
const BARGE_IN_WAIT_MS = 3000;
/** Agent audio still arriving this long after the clear counts as not stopped. */
const AFTER_CLEAR_GRACE_MS = 20;
/** How long to keep listening after the clear for stale audio. */
const AFTER_CLEAR_WATCH_MS = 300;

/**
 * Barge-in: while the agent greets, the user talks over it (recorded speech, loud); the agent
 * must send its playback-clear. Measured: from the first user frame handed to the socket to the
 * clear, and any agent audio after it.
 */
export const bargeInScenario: Scenario = {
  ...catalogEntry("barge-in"),
  skip: (ctx) => catalogEntry("barge-in").skipFor?.(ctx.capabilities),
  async run(ctx) {
    const unreachable = ctx.unreachable();
    if (unreachable) return skipped(unreachable);
    ctx.progress("dialing for barge-in");
    let call: LiveCall;
    try {
      call = await LiveCall.open(ctx.dialect, { appRate: APP_RATE, stepMs: ctx.stepMs, signal: ctx.signal });
    } catch (error) {
      return skipped(`no session: ${asError(error).code}`);
    }
    const outcome = await bargeIn(ctx, call);
    // The call's frames for the report: the user's audio going out, the clear coming back.
    const { timeline, dropped } = callTimeline(call);
    return { ...outcome, timeline, ...(dropped > 0 ? { timelineDropped: dropped } : {}) };
  },
};

async function bargeIn(ctx: ScenarioContext, call: LiveCall): Promise<ScenarioOutcome> {
  try {
    if (!(await call.waitFor((e) => e.type === "session-started", ctx.stepMs))) return skipped("no session (see bootstrap)");
    const first = await call.waitFor((e) => e.type === "audio-chunk", 4000);
    if (!first)
      return ctx.sim
        ? failed("the agent never spoke, so nothing could be interrupted")
        : skipped("the agent did not speak first: nothing to interrupt");
    ctx.progress("talking over the agent");
    const talking = new AbortController();
    const streamed = call.stream(speech(APP_RATE), !ctx.fast, talking.signal);
    const spokeAt = call.tap.now();
    const clear = await call.waitFor((e) => e.type === "playback-clear", BARGE_IN_WAIT_MS, first.atMs);
    talking.abort();
    await streamed;
    if (!clear) return failed(`no playback-clear within ${BARGE_IN_WAIT_MS} ms of talking over the agent`);
    await sleep(AFTER_CLEAR_WATCH_MS);
    const late = call.of("audio-chunk").filter((c) => c.atMs > clear.atMs + AFTER_CLEAR_GRACE_MS);
    const lateMs = late.reduce((n, c) => n + (c.event.audio.length / c.event.sampleRate) * 1000, 0);
    const measured = { bargeInMs: ms(clear.atMs - spokeAt), audioAfterClearMs: ms(lateMs) };
    const detail = `playback-clear ${measured.bargeInMs} ms after the user started talking over the agent; ${late.length} agent frames (${measured.audioAfterClearMs} ms) after it`;
    if (ctx.sim && late.length > 0) return failed(`${detail}: the agent kept talking`, measured);
    if (ctx.sim && ctx.sim.sessions().at(-1)?.agent.bargeIns === 0) return failed(`${detail}, but the simulator saw no barge-in`, measured);
    return passed(detail, measured, `barge-in ${measured.bargeInMs} ms · ${measured.audioAfterClearMs} ms audio after the clear`);
  } finally {
    await call.close(2000);
  }
}
