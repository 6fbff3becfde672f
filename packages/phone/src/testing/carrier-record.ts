/** A mark the application sent, and when (and how) the simulated carrier acknowledged it. */
export interface RecordedMark {
  name: string;
  /** ms since the socket opened. */
  atMs: number;
  echoedAtMs?: number;
  /** Dropped by a clear: acknowledged as cleared, or (a carrier that forgets them) never. */
  cleared?: boolean;
}

export interface RecordedClear {
  atMs: number;
  /** Audio played (heard) up to the clear, ms. */
  playedMs: number;
  /** Audio dropped unplayed, ms. */
  droppedMs: number;
  /** Pending marks acknowledged because of it. */
  marksEchoed: number;
}

/** What one simulated carrier call sent and got back. Plain data. */
export interface CarrierCallRecord {
  carrier: string;
  ids: Readonly<Record<string, string>>;
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
    /** Payload bytes per media message → how many had that size. */
    frameBytes: Record<number, number>;
    firstMediaAtMs?: number;
    lastMediaAtMs?: number;
    marks: RecordedMark[];
    clears: RecordedClear[];
    /** Messages the carrier would drop (wrong stream, bad payload, media while it said stop), with why. */
    dropped: { event: string; reason: string; atMs: number }[];
    /** Messages of other kinds, by name. */
    other: { event: string; atMs: number }[];
  };
  playback: {
    playedMs: number;
    droppedMs: number;
    queuedMs: number;
    /** The most audio ever queued at once: how far ahead of playback the application sent. */
    maxQueuedMs: number;
  };
  /** Flow control the carrier sent (pauses asked for). */
  flow: { pauses: number; resumes: number };
  close?: { code: number; reason: string; by: "carrier" | "application" };
}

export function emptyRecord(carrier: string, ids: Readonly<Record<string, string>>): CarrierCallRecord {
  return {
    carrier,
    ids,
    state: "connecting",
    openedAt: Date.now(),
    sent: { mediaFrames: 0, audioMs: 0, dtmf: [] },
    received: { messages: 0, mediaFrames: 0, audioMs: 0, frameBytes: {}, marks: [], clears: [], dropped: [], other: [] },
    playback: { playedMs: 0, droppedMs: 0, queuedMs: 0, maxQueuedMs: 0 },
    flow: { pauses: 0, resumes: 0 },
  };
}
