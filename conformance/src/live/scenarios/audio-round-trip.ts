import { joinSamples, TONE_HZ } from "../../audio/test-signals.js";
import { measureTone } from "../../simulator/tone-meter.js";
import { describeSizes, frameSizeProblem, measurePacing, round, type TimedFrame } from "../audio-measures.js";
import { callTimeline, type SentFrame, sentFrames, toneSpectrum } from "../call-timeline.js";
import { type Conversation, startedCall } from "../conversation.js";
import type { LiveCall } from "../live-call.js";
import { failed, ms, passed, type Scenario, type ScenarioContext, type ScenarioOutcome, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";
import { greetingAt } from "../test-audio.js";

/** How far a measured frequency may stray from the tone, as a fraction (resampling and the meter's resolution). */
const TONE_TOLERANCE = 0.02;
/** Agent audio read at the rate the client claims may differ this much from the clip at the simulator's rate. */
const AGENT_RATE_TOLERANCE = 0.03;
/** Agent audio arriving slower than this (audio s per wall s) starves a player. */
const MIN_REAL_TIME = 0.95;

/**
 * The audio round trip: the agent's greeting arrives (first-audio latency, frame sizes, pacing
 * and jitter, and on the simulator its rate checked from the audio against the clip), the
 * user's 440 Hz tone leaves in the wire's frame size and (on the simulator) is heard as 440 Hz,
 * and the agent answers the turn.
 */
export const audioRoundTripScenario: Scenario = {
  ...catalogEntry("audio"),
  async run(ctx) {
    const conversation = await ctx.conversation();
    const { call, marks, simRecord } = conversation;
    if (!call || !startedCall(conversation)) return skipped("no session (see bootstrap)");
    const wire = call.session.audio.wire;
    const problems: string[] = [];
    const notes: string[] = [];
    const measured: Record<string, number | string> = {};

    // Agent → application: the greeting.
    const chunks = call.of("audio-chunk");
    const greeting = chunks.filter((c) => marks.greetingEnd !== undefined && c.atMs <= marks.greetingEnd);
    if (marks.firstAudio === undefined) {
      (ctx.sim ? problems : notes).push(`no agent audio within 4 s of the start${ctx.sim ? "" : " (an agent that waits for the user)"}`);
    } else {
      measured.firstAudioMs = ms(marks.firstAudio - (marks.started ?? call.openedAtMs));
      notes.push(`first audio ${measured.firstAudioMs} ms after the session started`);
      const counts = chunks.map((c) => c.event.audio.length);
      measured.inFrames = describeSizes(counts, wire.inbound.sampleRate);
      const sizeProblem = frameSizeProblem(
        greeting.map((c) => c.event.audio.length),
        wire.inbound,
        "incoming",
      );
      if (sizeProblem) problems.push(sizeProblem);
      notes.push(`in: ${measured.inFrames}`);
      const pacing = measurePacing(
        greeting.map((c): TimedFrame => ({ samples: c.event.audio.length, sampleRate: c.event.sampleRate, atMs: c.atMs })),
      );
      if (ctx.fast) notes.push("pacing not measured (fast simulator)");
      else if (!pacing) notes.push("pacing not measured (under 0.5 s of agent audio)");
      else {
        measured.pacingRealTime = round(pacing.realTime, 2);
        measured.jitterMs = ms(pacing.jitterMs);
        measured.maxLateMs = ms(pacing.maxLateMs);
        const text = `pacing ${pacing.realTime.toFixed(2)}× real time, jitter ${measured.jitterMs} ms`;
        if (pacing.realTime < MIN_REAL_TIME) problems.push(`${text}: agent audio arrives slower than it plays`);
        else notes.push(text);
      }
      if (ctx.sim && simRecord)
        checkAgentRate(
          call,
          greeting.map((c) => c.event.audio),
          simRecord.rates.agent,
          problems,
          notes,
          measured,
        );
    }

    // Application → agent: the tone.
    const sent = sentFrames(call);
    const outCounts = outgoingAudioFrames(sent);
    if (outCounts) {
      measured.outFrames = describeSizes(outCounts, wire.outbound.sampleRate);
      const sizeProblem = frameSizeProblem(outCounts, wire.outbound, "outgoing");
      if (sizeProblem) problems.push(sizeProblem);
      notes.push(`out: ${measured.outFrames}`);
    }
    if (ctx.sim && simRecord) checkToneHeard(simRecord.received.audio.toneHz, problems, notes, measured);
    else notes.push("the tone's rate is checked only on the built-in simulator (it reports what it heard)");
    checkAnswer(ctx, conversation, problems, notes, measured);

    const summary = audioSummary(measured, wire.inbound.sampleRate, wire.outbound.sampleRate);
    const outcome: ScenarioOutcome =
      problems.length === 0 ? passed(notes.join("; "), measured, summary) : failed(`${problems.join("; ")} (${notes.join("; ")})`, measured, summary);
    // The shared call's frames (the other scenarios read the same call) and the tone's spectrum, for the report.
    const { timeline, dropped } = callTimeline(call, sent);
    const spectrum = toneSpectrum(sent);
    return { ...outcome, timeline, ...(dropped > 0 ? { timelineDropped: dropped } : {}), ...(spectrum ? { spectrum } : {}) };
  },
};

/** The sizes of the audio frames the session sent, read back with the dialect's peer codec (binary PCM without one). */
function outgoingAudioFrames(sent: readonly SentFrame[]): number[] | undefined {
  // The vendor's side of the same wire reads what we sent, whatever its framing (binary, base64 in JSON).
  const counts: number[] = [];
  for (const frame of sent) for (const command of frame.commands) if (command.type === "audio-append") counts.push(command.audio.length);
  return counts.length > 0 ? counts : undefined;
}

/** The greeting, read at the rate the client claims, must have the clip's frequency content at the simulator's rate. */
function checkAgentRate(
  call: LiveCall,
  greeting: readonly Int16Array[],
  simAgentRate: number,
  problems: string[],
  notes: string[],
  measured: Record<string, number | string>,
): void {
  const claimed = call.session.audio.wire.inbound.sampleRate;
  const heard = measureTone(joinSamples(greeting), claimed);
  const sent = measureTone(greetingAt(simAgentRate), simAgentRate);
  if (heard === undefined || sent === undefined) return;
  measured.agentAudioHz = round(heard);
  const ratio = heard / sent;
  if (Math.abs(ratio - 1) > AGENT_RATE_TOLERANCE) {
    problems.push(`agent audio read at ${claimed} Hz sounds ${round(ratio, 2)}× off the clip: the client's inbound rate is wrong`);
  } else notes.push(`agent audio at ${claimed} Hz matches the clip (${round(heard)} Hz zero-crossing rate, clip ${round(sent)} Hz)`);
}

function checkToneHeard(toneHz: number | undefined, problems: string[], notes: string[], measured: Record<string, number | string>): void {
  if (toneHz === undefined) {
    problems.push("the simulator heard no tone");
    return;
  }
  measured.toneHeardHz = toneHz;
  const text = `a ${TONE_HZ} Hz tone was heard as ${toneHz} Hz`;
  if (Math.abs(toneHz / TONE_HZ - 1) > TONE_TOLERANCE) problems.push(`${text}: the audio reached the agent at the wrong rate`);
  else notes.push(text);
}

function checkAnswer(
  ctx: ScenarioContext,
  conversation: Conversation,
  problems: string[],
  notes: string[],
  measured: Record<string, number | string>,
): void {
  const { marks } = conversation;
  if (marks.answer === undefined) {
    if (ctx.sim) problems.push("the agent did not answer the user's turn");
    else notes.push("no answer to the tone (a real agent may ignore one)");
    return;
  }
  if (marks.toneEnd !== undefined) {
    measured.answerMs = ms(marks.answer - marks.toneEnd);
    notes.push(`answered ${measured.answerMs} ms after the user stopped`);
  }
}

/** `first audio 0.3 ms · in 20 ms · out 20 ms · 1.00× jitter 5.2 ms · tone 438 Hz · answer 603 ms` */
function audioSummary(measured: Record<string, number | string>, inRate: number, outRate: number): string {
  const parts: string[] = [];
  if (measured.firstAudioMs !== undefined) parts.push(`first audio ${measured.firstAudioMs} ms`);
  const dominant = (text: unknown, rate: number) => {
    const match = typeof text === "string" ? /^(\d+) samples \(([\d.]+) ms\)/.exec(text) : null;
    return match ? `${match[2]} ms@${rate / 1000}k` : undefined;
  };
  const inFrame = dominant(measured.inFrames, inRate);
  const outFrame = dominant(measured.outFrames, outRate);
  if (inFrame || outFrame) parts.push(`frames in ${inFrame ?? "?"}, out ${outFrame ?? "?"}`);
  if (measured.pacingRealTime !== undefined) parts.push(`pacing ${Number(measured.pacingRealTime).toFixed(2)}×, jitter ${measured.jitterMs} ms`);
  if (measured.toneHeardHz !== undefined) parts.push(`tone ${TONE_HZ}→${measured.toneHeardHz} Hz`);
  if (measured.answerMs !== undefined) parts.push(`answer ${measured.answerMs} ms`);
  return parts.join(" · ");
}
