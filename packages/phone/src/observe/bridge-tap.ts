import type { Session } from "@voxwire/core";
import type { BridgeEndReason, PhoneCall } from "../bridge-events.js";
import type { PacingScheduler } from "../pacing-scheduler.js";
import type { StopSource } from "./response-latency.js";

/**
 * What the bridge tells its observers (metrics, traces, the silence watchdog, the recorder) that
 * its events do not: every caller frame, every frame sent to the carrier, and the barge-in's own
 * cost. Called on the audio path, so an implementation allocates nothing per call.
 */
export interface BridgeTap {
  /** A caller frame (PCM16 at the caller's rate), as it arrives; `now` is the scheduler's monotonic ms. */
  callerAudio?(audio: Int16Array, now: number): void;
  /** An agent frame just sent to the carrier: `ms` of audio in the ledger's `turn`; `startsTurn` on a turn's first frame. */
  agentAudioSent?(frame: Int16Array, ms: number, turn: number, startsTurn: boolean, now: number): void;
  /**
   * A barge-in was carried out: `latencyMs` from the agent's `playback-clear` arriving to the
   * carrier's clear sent; `droppedMs` dropped in the bridge, `carrierQueuedMs` dropped at the carrier.
   */
  bargeIn?(latencyMs: number, droppedMs: number, carrierQueuedMs: number, now: number): void;
  /** A response-latency figure (the observers' own, not the bridge's): the caller's stop → the first agent audio sent. */
  responseLatency?(ms: number, source: StopSource, now: number): void;
}

/** What the bridge lends its observers. */
export interface TapContext {
  readonly scheduler: PacingScheduler;
  /** The caller's audio rate (the phone leg's output). */
  readonly callerRate: number;
  /** The rate of the frames sent to the carrier (the phone leg's input). */
  readonly phoneRate: number;
  /** The phone leg (for its reconnects). */
  readonly phone: Session;
  /** Ends the call on both legs with `reason` (the silence watchdog's hang-up). */
  hangUp(reason: BridgeEndReason, detail: string): void;
}

/** The call's ids once the carrier's start arrived (for the observers that name it). */
export type TapCall = PhoneCall;

/** Calls every tap in order; undefined when there is none, so the bridge pays one check per frame. */
export function combineTaps(taps: readonly (BridgeTap | undefined)[]): BridgeTap | undefined {
  const live = taps.filter((tap): tap is BridgeTap => tap !== undefined);
  if (live.length === 0) return undefined;
  if (live.length === 1) return live[0];
  const caller = live.filter((tap) => tap.callerAudio);
  const sent = live.filter((tap) => tap.agentAudioSent);
  const barge = live.filter((tap) => tap.bargeIn);
  const latency = live.filter((tap) => tap.responseLatency);
  return {
    callerAudio(audio, now) {
      for (const tap of caller) tap.callerAudio!(audio, now);
    },
    agentAudioSent(frame, ms, turn, startsTurn, now) {
      for (const tap of sent) tap.agentAudioSent!(frame, ms, turn, startsTurn, now);
    },
    bargeIn(latencyMs, droppedMs, carrierQueuedMs, now) {
      for (const tap of barge) tap.bargeIn!(latencyMs, droppedMs, carrierQueuedMs, now);
    },
    responseLatency(ms, source, now) {
      for (const tap of latency) tap.responseLatency!(ms, source, now);
    },
  };
}
