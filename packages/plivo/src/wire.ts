import { type AudioDataError, base64Encode, isRecord, mulawEncode, readBase64Audio, type WireAudioFormat } from "@voxwire/core";

/*
 * The Plivo Audio Streams wire in one place (Plivo, "Audio Streaming" XML and events:
 * https://www.plivo.com/docs/voice/xml/audiostream and the events pages under it). JSON text
 * tagged by `event`; `sequenceNumber` and `media.chunk` are numbers, `media.timestamp` a string
 * of Unix ms; no `connected` and no `stop`: the call ends when Plivo closes the socket.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "plivo";

/** Message names Plivo sends. `played` is the support FAQ's name for `playedStream`; both are read. */
export const PlivoEvent = {
  start: "start",
  media: "media",
  dtmf: "dtmf",
  playedStream: "playedStream",
  played: "played",
  clearedAudio: "clearedAudio",
} as const;

/** Message names we send back (bidirectional streams only). */
export const PlivoCommand = {
  playAudio: "playAudio",
  checkpoint: "checkpoint",
  clearAudio: "clearAudio",
} as const;

/** The stream formats Plivo offers (`<Stream contentType>`): L16 at 8 or 16 kHz, μ-law at 8 kHz. */
export type PlivoContentType = "audio/x-l16" | "audio/x-mulaw";
export const PLIVO_CONTENT_TYPES: readonly PlivoContentType[] = ["audio/x-l16", "audio/x-mulaw"];
export const PLIVO_FRAME_MS = 20;
export const PLIVO_INBOUND_TRACK = "inbound";

export function wireFormat(contentType: PlivoContentType, sampleRate: number): WireAudioFormat {
  return { encoding: contentType === "audio/x-mulaw" ? "mulaw" : "pcm16", sampleRate, frameMs: PLIVO_FRAME_MS };
}

/** `<Stream contentType>` for a format: `audio/x-l16;rate=16000`. */
export function streamContentType(contentType: PlivoContentType, sampleRate: number): string {
  return `${contentType};rate=${sampleRate}`;
}

/**
 * PCM16 ↔ payload bytes. L16 is sent little-endian, as raw PCM from a PC is (Plivo's pages say
 * "raw audio" and name no byte order; voxwire's choice, README). Encoding reuses one scratch buffer.
 */
export function createPayloadCodec(contentType: PlivoContentType) {
  let scratch = new Uint8Array(0);
  const room = (n: number) => {
    if (scratch.length < n) scratch = new Uint8Array(n);
    return scratch.subarray(0, n);
  };
  return {
    encode(audio: Int16Array): string {
      if (contentType === "audio/x-mulaw") return base64Encode(mulawEncode(audio, room(audio.length)));
      const out = room(audio.length * 2);
      for (let i = 0, j = 0; i < audio.length; i++, j += 2) {
        const s = audio[i]!;
        out[j] = s & 0xff;
        out[j + 1] = (s >> 8) & 0xff;
      }
      return base64Encode(out);
    },
    decode(payload: string): Int16Array | AudioDataError {
      return readBase64Audio(payload, contentType === "audio/x-mulaw" ? "mulaw" : "pcm16", "media payload", DIALECT_NAME);
    },
  };
}

type Message = Readonly<Record<string, unknown>>;

/** The ids of one stream, from `start`. */
export interface PlivoStreamIds {
  readonly streamId: string;
  /** The call's UUID: what the REST API's call resource takes. */
  readonly callId: string;
  readonly accountId: string;
}

/** `extra_headers` (`k=v;k2=v2`, from `<Stream extraHeaders>`) as parameters. */
export function parseExtraHeaders(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== "string") return out;
  for (const pair of value.split(/[;,]/)) {
    const at = pair.indexOf("=");
    if (at > 0) out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

export type StartReading = { ok: true; ids: PlivoStreamIds; metadata: Record<string, unknown>; formatError?: string } | { ok: false; why: string };

/** Reads `start` tolerantly; only a missing `streamId` is fatal. */
export function readStart(message: Message, contentType: PlivoContentType, sampleRate: number): StartReading {
  const start = (isRecord(message.start) ? message.start : {}) as Message;
  const streamId = str(start.streamId) ?? str(message.streamId);
  if (!streamId) return { ok: false, why: "start message without a streamId" };
  const ids: PlivoStreamIds = { streamId, callId: str(start.callId) ?? "", accountId: str(start.accountId) ?? "" };
  const tracks = Array.isArray(start.tracks) ? start.tracks.filter((t): t is string => typeof t === "string") : [PLIVO_INBOUND_TRACK];
  const format = isRecord(start.mediaFormat) ? (start.mediaFormat as Message) : {};
  const mediaFormat = { encoding: str(format.encoding) ?? contentType, sampleRate: num(format.sampleRate) ?? sampleRate };
  const metadata: Record<string, unknown> = { tracks, customParameters: parseExtraHeaders(message.extra_headers), mediaFormat };
  if (mediaFormat.encoding === contentType && mediaFormat.sampleRate === sampleRate) return { ok: true, ids, metadata };
  return {
    ok: true,
    ids,
    metadata,
    formatError:
      `the stream's mediaFormat is ${mediaFormat.encoding} at ${mediaFormat.sampleRate} Hz; this leg was set up for ${contentType} at ${sampleRate} Hz ` +
      "(plivo({ contentType, sampleRate }) and the <Stream contentType> must agree), so its media is refused",
  };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
