/*
 * The Twilio Media Streams wire in one place (Twilio Media Streams messages, docs/sources.md:
 * https://www.twilio.com/docs/voice/media-streams/websocket-messages). Every message is JSON text tagged by `event`; `sequenceNumber`, `media.chunk` and
 * `media.timestamp` are strings; every message after `connected` carries the `streamSid`.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "twilio";

/** Message names Twilio sends. */
export const TwilioEvent = {
  connected: "connected",
  start: "start",
  media: "media",
  dtmf: "dtmf",
  mark: "mark",
  stop: "stop",
} as const;

/** Message names we send back (bidirectional streams only). */
export const TwilioCommand = {
  media: "media",
  mark: "mark",
  clear: "clear",
} as const;

/** The only media format a Twilio stream carries: G.711 μ-law, 8 kHz, mono. */
export const TWILIO_MEDIA_FORMAT = { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 } as const;
export const TWILIO_SAMPLE_RATE = 8000;
/** Twilio plays outbound audio best in 20 ms messages; it sends inbound audio the same way. */
export const TWILIO_FRAME_MS = 20;
/** One 20 ms μ-law message: 160 bytes, one byte per sample. */
export const TWILIO_FRAME_BYTES = 160;
export const MULAW_BYTES_PER_MS = 8;
/** The `track` of caller audio on a `<Connect><Stream>`. */
export const TWILIO_INBOUND_TRACK = "inbound";
/** The `dtmf.track` Twilio reports for the caller's keypad. */
export const TWILIO_DTMF_TRACK = "inbound_track";
/** The `connected` message's protocol fields. */
export const TWILIO_PROTOCOL = { protocol: "Call", version: "1.0.0" } as const;
/** Why a phone-leg session ends when Twilio sends `stop`. */
export const TWILIO_STOP_REASON = "stop";

/** The ids of one stream, from `start`. */
export interface TwilioStreamIds {
  readonly streamSid: string;
  readonly callSid: string;
  readonly accountSid: string;
}

/** What `start` says about the stream besides its ids. */
export interface TwilioStartDetails {
  readonly tracks: readonly string[];
  readonly customParameters: Readonly<Record<string, string>>;
  readonly mediaFormat: { readonly encoding: string; readonly sampleRate: number; readonly channels: number };
}
