import { performance } from "node:perf_hooks";
import { AGENT_FRAME_MS } from "../../simulator/clip-library.js";
import { asError } from "../conversation.js";
import { LiveCall, sleep } from "../live-call.js";
import { PlayedAudio } from "../played-audio.js";
import { failed, ms, passed, type Scenario, type ScenarioContext, type ScenarioOutcome, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";
import { APP_RATE, speech } from "../test-audio.js";

/** How much of the greeting plays before the user talks over it (wall time). */
const LISTEN_MS = 200;
/** How long the agent may take to clear after the user starts talking over it. */
const BARGE_IN_WAIT_MS = 3000;
/** How long a live vendor has to object to the truncation (an error event) before it counts as taken. */
const OBJECTION_WATCH_MS = 500;
/** The heard milliseconds the vendor was told may differ from what played by one agent frame. */
const TOLERANCE_MS = AGENT_FRAME_MS;

/**
 * Truncation: the user talks over the greeting; when the clear comes, the client works out how
 * much of the cut turn it played (a player that starts at the turn's first chunk and plays at
 * real time, never ahead of what arrived) and reports it, `session.reportHeard(turnId, playedMs)`.
 * On the simulator the agent's record must hold that turn with heard milliseconds within one
 * 20 ms frame of what played; against a URL, the vendor must not refuse it.
 */
export const truncationScenario: Scenario = {
  ...catalogEntry("truncation"),
  skip: (ctx) => catalogEntry("truncation").skipFor?.(ctx.capabilities),
  async run(ctx) {
    const unreachable = ctx.unreachable();
    if (unreachable) return skipped(unreachable);
    ctx.progress("dialing for truncation");
    const before = ctx.sim?.sessions().length ?? 0;
    let call: LiveCall;
    try {
      call = await LiveCall.open(ctx.dialect, { appRate: APP_RATE, stepMs: ctx.stepMs, signal: ctx.signal });
    } catch (error) {
      return skipped(`no session: ${asError(error).code}`);
    }
    try {
      return await truncate(ctx, call, before);
    } finally {
      await call.close(2000);
    }
  },
};

async function truncate(ctx: ScenarioContext, call: LiveCall, simIndex: number): Promise<ScenarioOutcome> {
  if (!(await call.waitFor((e) => e.type === "session-started", ctx.stepMs))) return skipped("no session (see bootstrap)");
  const first = await call.waitFor((e) => e.type === "audio-chunk", 4000);
  if (first?.event.type !== "audio-chunk") {
    return ctx.sim ? failed("the agent never spoke, so no turn could be cut") : skipped("the agent did not speak first: no turn to cut");
  }
  const turnId = first.event.turnId;
  if (turnId === undefined) return failed("the dialect declares turnIds, but the agent's audio names no turn");

  ctx.progress("listening, then talking over the agent");
  await sleep(first.atMs + LISTEN_MS - call.tap.now());
  const talking = new AbortController();
  const streamed = call.stream(speech(APP_RATE), !ctx.fast, talking.signal);
  const clear = await call.waitFor((e) => e.type === "playback-clear", BARGE_IN_WAIT_MS, first.atMs);
  talking.abort();
  await streamed;
  if (clear?.event.type !== "playback-clear") return failed(`no playback-clear within ${BARGE_IN_WAIT_MS} ms of talking over the agent`);
  const cleared = clear.event.turnId;
  if (ctx.sim && cleared !== undefined && cleared !== turnId) return failed(`the clear names turn "${cleared}", but the turn cut was "${turnId}"`);

  // The player stops at the clear: what it had played of the cut turn by then.
  const player = new PlayedAudio();
  for (const { event, atMs } of call.events) {
    if (atMs > clear.atMs) break;
    if (event.type === "audio-chunk" && event.turnId === turnId) player.push(atMs, (event.audio.length / event.sampleRate) * 1000);
  }
  const playedMs = player.playedMs(clear.atMs);
  const reportedAt = call.tap.now();
  call.session.reportHeard(turnId, playedMs);
  const measured: Record<string, number | string> = { turnId, playedMs: ms(playedMs), arrivedMs: ms(player.arrivedMs) };
  const told = `reportHeard("${turnId}", ${measured.playedMs}) after the clear (${measured.arrivedMs} ms of the turn had arrived)`;

  if (!ctx.sim) {
    await sleep(OBJECTION_WATCH_MS);
    const objection = call.events.find((e) => e.atMs >= reportedAt && e.event.type === "error");
    if (objection?.event.type === "error") return failed(`${told}: the vendor answered with an error (${objection.event.code})`, measured);
    return passed(
      `${told}; no error from the vendor (what it was told is checked only on the built-in simulator)`,
      measured,
      `heard ${measured.playedMs} ms reported`,
    );
  }
  const heard = await waitForHeard(ctx, simIndex, turnId);
  if (!heard) {
    const got = lastRecord(ctx, simIndex)?.agent.heard ?? [];
    const what = got.length === 0 ? "nothing" : got.map((h) => `${h.turnId}: ${h.heardMs} ms`).join(", ");
    return failed(`${told}, but the agent was told ${what} for that turn within ${ctx.stepMs} ms`, measured);
  }
  measured.heardMs = heard.heardMs;
  measured.offByMs = ms(Math.abs(heard.heardMs - playedMs));
  const detail = `${told}; the agent was told ${heard.heardMs} ms (off by ${measured.offByMs} ms)`;
  if (Math.abs(heard.heardMs - playedMs) > TOLERANCE_MS)
    return failed(`${detail}: more than one ${TOLERANCE_MS} ms frame from what played`, measured);
  return passed(detail, measured, `played ${measured.playedMs} ms · vendor told ${heard.heardMs} ms`);
}

/** The agent's record of this call's `playback-heard` for `turnId`, polled until the step deadline. */
async function waitForHeard(ctx: ScenarioContext, simIndex: number, turnId: string): Promise<{ turnId: string; heardMs: number } | undefined> {
  const deadline = performance.now() + ctx.stepMs;
  for (;;) {
    const heard = lastRecord(ctx, simIndex)?.agent.heard.find((h) => h.turnId === turnId);
    if (heard || performance.now() >= deadline || ctx.signal.aborted) return heard;
    await sleep(20);
  }
}

function lastRecord(ctx: ScenarioContext, simIndex: number) {
  return ctx.sim?.sessions()[simIndex];
}
