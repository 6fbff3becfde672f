import type { TwilioStreamIds } from "../wire.js";

/** A mark the application sent, and when (and how) the simulated Twilio echoed it. */
export interface RecordedMark {
  name: string;
  /** ms since the socket opened. */
  atMs: number;
  echoedAtMs?: number;
  /** Echoed because a `clear` dropped the audio before it (not heard). */
  cleared?: boolean;
}

export interface RecordedClear {
  atMs: number;
  /** Audio played (heard) up to the clear, ms. */
  playedMs: number;
  /** Audio dropped unplayed, ms. */
  droppedMs: number;
  /** Pending marks echoed because of it. */
  marksEchoed: number;
}

/** What one simulated Twilio stream sent and got back. Plain data. */
export interface TwilioCallRecord {
  ids: TwilioStreamIds;
  state: "connecting" | "live" | "stopped" | "closed";
  /** Epoch ms. */
  openedAt: number;
  sent: {
    mediaFrames: number;
    /** Caller audio sent (speech and silence), ms. */
    audioMs: number;
    dtmf: { digit: string; atMs: number }[];
    stopAtMs?: number;
  };
  received: {
    messages: number;
    mediaFrames: number;
    audioMs: number;
    /** μ-law payload bytes per `media` message → how many had that size (Twilio wants 160). */
    frameBytes: Record<number, number>;
    firstMediaAtMs?: number;
    lastMediaAtMs?: number;
    marks: RecordedMark[];
    clears: RecordedClear[];
    /** Messages Twilio would drop (no or wrong streamSid, bad payload), with why. */
    dropped: { event: string; reason: string; atMs: number }[];
    /** Messages of other kinds, by event name. */
    other: { event: string; atMs: number }[];
  };
  playback: {
    playedMs: number;
    droppedMs: number;
    queuedMs: number;
    /** The most audio ever queued at once: how far ahead of playback the application sent. */
    maxQueuedMs: number;
  };
  close?: { code: number; reason: string; by: "twilio" | "application" };
}

export function emptyRecord(ids: TwilioStreamIds): TwilioCallRecord {
  return {
    ids,
    state: "connecting",
    openedAt: Date.now(),
    sent: { mediaFrames: 0, audioMs: 0, dtmf: [] },
    received: { messages: 0, mediaFrames: 0, audioMs: 0, frameBytes: {}, marks: [], clears: [], dropped: [], other: [] },
    playback: { playedMs: 0, droppedMs: 0, queuedMs: 0, maxQueuedMs: 0 },
  };
}
