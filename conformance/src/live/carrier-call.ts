/*
 * What the phone-leg scenarios need of a carrier's simulator. A carrier leg's `./testing` entry
 * implements it (the Twilio simulator does), so the scenarios run against any carrier without
 * this package knowing one.
 */

/** A keypress at a time after the stream starts. */
export interface DtmfPress {
  readonly digit: string;
  readonly atMs: number;
}

export interface CarrierCallOptions {
  /** The application's stream URL, `ws://127.0.0.1:PORT/media`. */
  url: string;
  /** Caller audio, PCM16 at the carrier's rate, streamed from the start. Silence follows it. */
  audio?: Int16Array;
  dtmf?: readonly DtmfPress[];
  /** No pacing: scripted audio is sent at once. */
  fast?: boolean;
  /** `manual`: stream silence until `stop()`; `auto`: stop after the audio and a tail. */
  stop?: "auto" | "manual";
  /** Keep the audio received, for `receivedAudio()`. */
  keepAudio?: boolean;
  /** How sent-back audio plays: at real time, on `advance()`, or at once. */
  playback?: "realtime" | "manual" | "instant";
}

/** What a carrier's simulator recorded of one call, as far as the scenarios read it. */
export interface CarrierCallRecord {
  readonly received: {
    /** Payload bytes per media message → how many had that size. */
    readonly frameBytes: Readonly<Record<number, number>>;
    /** Messages the carrier would drop, with why. */
    readonly dropped: readonly { readonly event: string; readonly reason: string }[];
    /** Clears the carrier honoured, with the audio each dropped unplayed. */
    readonly clears: readonly { readonly droppedMs: number }[];
  };
}

export interface CarrierCall {
  /** Resolves when the socket is open and the carrier's opening messages are sent. */
  readonly opened: Promise<void>;
  /** A copy of the record so far. */
  readonly record: CarrierCallRecord;
  /** The caller hangs up; resolves when the socket has closed. */
  stop(): Promise<unknown>;
  /** Drops the socket without a goodbye. */
  terminate(): void;
  /** The audio played to the caller so far (with `keepAudio`). */
  receivedAudio(): Int16Array;
}
