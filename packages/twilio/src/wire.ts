import { type AudioDataError, base64Encode, isRecord, mulawEncode, readBase64Audio } from "@voxwire/core";

/*
 * The Twilio Media Streams wire in one place (Twilio Media Streams messages, docs/sources.md:
 * https://www.twilio.com/docs/voice/media-streams/websocket-messages). Every message is JSON text tagged by `event`; `sequenceNumber`, `media.chunk` and
 * `media.timestamp` are strings; every message after `connected` carries the `streamSid`.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "twilio";

type Message = Readonly<Record<string, unknown>>;

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

/** PCM16 as a media message's `payload`: G.711 μ-law in base64 (`scratch` takes the μ-law bytes, so a caller can reuse it). */
export function encodeMediaPayload(audio: Int16Array, scratch?: Uint8Array): string {
  return base64Encode(mulawEncode(audio, scratch));
}

/**
 * A media message's `payload` back to PCM16. Invalid base64 is an `AudioDataError`, returned, not
 * thrown: a codec's decode never throws, and one bad chunk must not end the stream.
 */
export function decodeMediaPayload(payload: string): Int16Array | AudioDataError {
  return readBase64Audio(payload, "mulaw", "media payload", DIALECT_NAME);
}

export type StartReading =
  | {
      ok: true;
      ids: TwilioStreamIds;
      details: TwilioStartDetails;
      /** Set when `mediaFormat` is not the 8 kHz mono μ-law this package decodes. */
      formatError?: string;
    }
  | { ok: false; why: string };

/**
 * Reads a `start` message tolerantly: the ids may sit in `start` or (streamSid) at the top level;
 * missing tracks, parameters or format fall back to what a `<Connect><Stream>` always has.
 * Only a missing `streamSid` is fatal to the reading: without it nothing can be sent back.
 */
export function readStart(message: Message): StartReading {
  const start = (isRecord(message.start) ? message.start : {}) as Message;
  const streamSid = asString(start.streamSid) ?? asString(message.streamSid);
  if (streamSid === undefined || streamSid.length === 0) return { ok: false, why: "start message without a streamSid" };
  const ids: TwilioStreamIds = { streamSid, callSid: asString(start.callSid) ?? "", accountSid: asString(start.accountSid) ?? "" };

  const tracks = Array.isArray(start.tracks) ? start.tracks.filter((t): t is string => typeof t === "string") : ["inbound"];
  const customParameters: Record<string, string> = {};
  if (isRecord(start.customParameters)) {
    for (const [key, value] of Object.entries(start.customParameters)) {
      if (typeof value === "string") customParameters[key] = value;
      else if (typeof value === "number" || typeof value === "boolean") customParameters[key] = String(value);
    }
  }
  const format = isRecord(start.mediaFormat) ? (start.mediaFormat as Message) : undefined;
  const mediaFormat = {
    encoding: asString(format?.encoding) ?? TWILIO_MEDIA_FORMAT.encoding,
    sampleRate: num(format?.sampleRate) ?? TWILIO_MEDIA_FORMAT.sampleRate,
    channels: num(format?.channels) ?? TWILIO_MEDIA_FORMAT.channels,
  };
  const details: TwilioStartDetails = { tracks, customParameters, mediaFormat };
  const matches =
    mediaFormat.encoding === TWILIO_MEDIA_FORMAT.encoding &&
    mediaFormat.sampleRate === TWILIO_MEDIA_FORMAT.sampleRate &&
    mediaFormat.channels === TWILIO_MEDIA_FORMAT.channels;
  if (matches) return { ok: true, ids, details };
  const formatError =
    `the stream's mediaFormat is ${mediaFormat.encoding} at ${mediaFormat.sampleRate} Hz, ${mediaFormat.channels} channel(s); ` +
    `only ${TWILIO_MEDIA_FORMAT.encoding} at ${TWILIO_MEDIA_FORMAT.sampleRate} Hz mono is decoded, so its media is refused`;
  return { ok: true, ids, details, formatError };
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Twilio sends numbers here, but tolerate numeric strings as it does elsewhere. */
function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
