import { type InboundEvent, VoxwireError } from "@voxwire/core";
import { silence, sine } from "../audio/test-signals.js";
import { TRANSFER_DIGIT } from "../simulator/scripted-agent.js";
import type { SessionRecord } from "../simulator/session-record.js";
import { CONFORMANCE_TEXT } from "./conformance-agent.js";
import { LiveCall, sleep, type TimedEvent } from "./live-call.js";
import type { ScenarioContext } from "./scenario.js";
import { APP_RATE } from "./test-audio.js";
import { WireTap } from "./wire-tap.js";

/** The user's turn: this much tone, then this much silence (more than any end-of-turn detector waits). */
export const TONE_SECONDS = 0.6;
export const TRAILING_SILENCE_SECONDS = 1.0;
/** The digit sent as DTMF, and the one the simulator presses back. */
export const DTMF_OUT = "5";
export const DTMF_IN = "7";
/** How long to wait for an agent that greets, and for its answer. */
const GREETING_WAIT_MS = 4000;
const ANSWER_WAIT_MS = 6000;
/** The simulator answers typed text at once; only a live agent needs the longer wait. */
const FAST_TEXT_ANSWER_WAIT_MS = 2000;
/** A stretch without agent audio this long ends a turn (real time; fast mode needs less). */
const TURN_QUIET_MS = 400;
const FAST_TURN_QUIET_MS = 120;
/** A turn longer than this is cut short (a vendor that streams music forever). */
const MAX_TURN_MS = 20_000;
const CLOSE_WAIT_MS = 5000;

/** Times on the call's tap clock (ms), set as the script reaches them. */
export interface ConversationMarks {
  started?: number;
  firstAudio?: number;
  greetingEnd?: number;
  toneStart?: number;
  toneEnd?: number;
  answer?: number;
  answerEnd?: number;
  /** The user's typed message went out (dialects with `textInput`), and the agent's first audio or transcript after it. */
  textSent?: number;
  textAnswer?: number;
  dtmfSent?: number;
  closeStart?: number;
  /** How long `close()` took; undefined when it did not end in time. */
  closeMs?: number;
}

/** The shared scripted call, as the scenarios read it. */
export interface Conversation {
  /** The session never opened: the typed error (its message has no secret). */
  readonly refused?: VoxwireError;
  /** The wire as seen, whether or not the session opened. */
  readonly tap: WireTap;
  readonly call?: LiveCall;
  readonly marks: ConversationMarks;
  /** What the built-in simulator recorded of this call. */
  readonly simRecord?: SessionRecord;
  /** The simulator's DTMF press, as received. */
  readonly dtmfIn?: TimedEvent;
  /** The transfer the simulator's agent asked for after the transfer digit. */
  readonly transfer?: TimedEvent;
}

/**
 * One call that most scenarios read: open (bootstrap and auth), the agent's greeting, the user's
 * 440 Hz tone and silence, the answer (on the simulator, after the scripted tool call where the
 * dialect has `toolCalls`: the call answers it by itself), a typed message and its answer where
 * it has `textInput`, DTMF both ways where declared (the simulator presses a key and, on its
 * transfer digit, asks for a human), then a clean close. Real-time unless `fast`.
 */
export async function runConversation(ctx: ScenarioContext): Promise<Conversation> {
  const marks: ConversationMarks = {};
  const { sim, fast, capabilities } = ctx;
  const before = sim?.sessions().length ?? 0;
  ctx.progress("dialing");
  let call: LiveCall;
  const tap = new WireTap();
  try {
    call = await LiveCall.open(ctx.dialect, { appRate: APP_RATE, stepMs: ctx.stepMs, signal: ctx.signal, tap });
  } catch (error) {
    return { refused: asError(error), tap, marks };
  }
  const quietMs = fast ? FAST_TURN_QUIET_MS : TURN_QUIET_MS;
  const simSession = () => sim?.liveSessions().find((s) => s.id === sim.sessions()[before]?.id);

  ctx.progress("waiting for the session to start");
  marks.started = (await call.waitFor((e) => e.type === "session-started", ctx.stepMs))?.atMs;
  if (marks.started === undefined) {
    // Refused after the upgrade (a close code) or silent: nothing else to talk to.
    marks.closeStart = call.tap.now();
    marks.closeMs = await call.close(CLOSE_WAIT_MS);
    const simRecord = sim?.sessions()[before];
    return { call, tap, marks, ...(simRecord ? { simRecord } : {}) };
  }
  ctx.progress("listening to the greeting");
  marks.firstAudio = (await call.waitFor((e) => e.type === "audio-chunk", GREETING_WAIT_MS))?.atMs;
  if (marks.firstAudio !== undefined) marks.greetingEnd = await call.quiet("audio-chunk", quietMs, MAX_TURN_MS);
  if (fast && marks.greetingEnd !== undefined) {
    // Without pacing the simulator's agent talks until as much audio has come back as it spoke.
    const spoken = call.of("audio-chunk").reduce((n, c) => n + c.event.audio.length / c.event.sampleRate, 0);
    await call.stream(silence(APP_RATE, spoken + 0.1), false, ctx.signal);
  }

  ctx.progress(`speaking: a ${TONE_SECONDS} s tone, then silence`);
  marks.toneStart = await call.stream(sine(APP_RATE, TONE_SECONDS), !fast, ctx.signal);
  marks.toneEnd = call.tap.now();
  await call.stream(silence(APP_RATE, TRAILING_SILENCE_SECONDS), !fast, ctx.signal);
  ctx.progress("waiting for the answer");
  const after = (marks.greetingEnd ?? marks.toneStart) + 0.001;
  marks.answer = (await call.waitFor((e) => e.type === "audio-chunk", ANSWER_WAIT_MS, after))?.atMs;
  if (marks.answer !== undefined) marks.answerEnd = await call.quiet("audio-chunk", quietMs, MAX_TURN_MS);

  if (capabilities.textInput && !call.ended) {
    ctx.progress("typing a message");
    call.session.sendText(CONFORMANCE_TEXT);
    const sent = call.tap.now();
    marks.textSent = sent;
    const reply = (e: InboundEvent) => e.type === "audio-chunk" || (e.type === "transcript-end" && e.role === "agent");
    marks.textAnswer = (await call.waitFor(reply, fast ? FAST_TEXT_ANSWER_WAIT_MS : ANSWER_WAIT_MS, sent))?.atMs;
    if (marks.textAnswer !== undefined) await call.quiet("audio-chunk", quietMs, MAX_TURN_MS);
  }

  let dtmfIn: TimedEvent | undefined;
  let transfer: TimedEvent | undefined;
  if (capabilities.dtmfOut && !call.ended) {
    ctx.progress(`pressing ${DTMF_OUT}`);
    call.session.sendDtmf(DTMF_OUT);
    marks.dtmfSent = call.tap.now();
    await sleep(200);
  }
  const peer = simSession();
  if (capabilities.dtmfIn && peer) {
    const from = call.tap.now();
    peer.inject({ type: "dtmf-received", digit: DTMF_IN });
    dtmfIn = await call.waitFor((e) => e.type === "dtmf-received", ctx.stepMs, from);
  }
  if (capabilities.transfer && capabilities.dtmfOut && peer && !call.ended) {
    const from = call.tap.now();
    call.session.sendDtmf(TRANSFER_DIGIT);
    transfer = await call.waitFor((e) => e.type === "transfer-requested", ctx.stepMs, from);
  }

  ctx.progress("closing");
  marks.closeStart = call.tap.now();
  marks.closeMs = await call.close(CLOSE_WAIT_MS);
  const simRecord = sim?.sessions()[before];
  return { call, tap, marks, ...(simRecord ? { simRecord } : {}), ...(dtmfIn ? { dtmfIn } : {}), ...(transfer ? { transfer } : {}) };
}

export function asError(error: unknown): VoxwireError {
  if (VoxwireError.isInstance(error)) return error;
  return new VoxwireError(error instanceof Error ? error.message : String(error), { code: "unexpected_error" });
}

/** The call, when the session opened and started; the scenarios after bootstrap need one. */
export function startedCall(conversation: Conversation): LiveCall | undefined {
  return conversation.marks.started === undefined ? undefined : conversation.call;
}
