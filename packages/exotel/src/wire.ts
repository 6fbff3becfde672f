import { type AudioDataError, base64Encode, isRecord, readBase64Audio, type WireAudioFormat } from "@voxwire/core";

/*
 * The Exotel AgentStream wire (Voicebot applet) in one place (Exotel, "AgentStream: WebSocket
 * protocol": https://developer.exotel.com/docs/agentstream/websocket-protocol). Twilio-shaped JSON
 * text with snake_case fields (`stream_sid`, `sequence_number`, `custom_parameters`,
 * `media_format`); audio is raw 16-bit linear PCM (little-endian) in base64, 8 kHz by default
 * (`?sample-rate=16000|24000` on the URL). Audio sent back must be whole multiples of 320 bytes,
 * at least 3.2 KB and at most 100 KB per message, or the caller hears gaps.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "exotel";

export const ExotelEvent = {
  connected: "connected",
  start: "start",
  media: "media",
  dtmf: "dtmf",
  mark: "mark",
  stop: "stop",
} as const;

export const ExotelCommand = {
  media: "media",
  mark: "mark",
  clear: "clear",
} as const;

export const EXOTEL_RATES: readonly number[] = [8000, 16000, 24000];
/**
 * Outbound message length per rate: the shortest whole multiple of 320 bytes of at least 3.2 KB,
 * so 200 ms at 8 kHz (3,200 bytes), 100 ms at 16 kHz (3,200) and at 24 kHz (4,800).
 */
export function outFrameMs(sampleRate: number): number {
  return sampleRate === 8000 ? 200 : 100;
}
/** Exotel's sizes for audio sent back. */
export const EXOTEL_CHUNK_MULTIPLE = 320;
export const EXOTEL_MIN_CHUNK = 3200;
export const EXOTEL_MAX_CHUNK = 100 * 1024;
export const EXOTEL_STOP_REASON = "stop";

export function wireFormats(sampleRate: number): { outbound: WireAudioFormat; inbound: WireAudioFormat } {
  return { outbound: { encoding: "pcm16", sampleRate, frameMs: outFrameMs(sampleRate) }, inbound: { encoding: "pcm16", sampleRate } };
}

/** PCM16 ↔ base64 little-endian bytes. */
export function createPayloadCodec() {
  let scratch = new Uint8Array(0);
  return {
    encode(audio: Int16Array): string {
      const n = audio.length * 2;
      if (scratch.length < n) scratch = new Uint8Array(n);
      const out = scratch.subarray(0, n);
      for (let i = 0, j = 0; i < audio.length; i++, j += 2) {
        const s = audio[i]!;
        out[j] = s & 0xff;
        out[j + 1] = (s >> 8) & 0xff;
      }
      return base64Encode(out);
    },
    decode(payload: string): Int16Array | AudioDataError {
      return readBase64Audio(payload, "pcm16", "media payload", DIALECT_NAME);
    },
  };
}

type Message = Readonly<Record<string, unknown>>;

export interface ExotelStreamIds {
  readonly streamId: string;
  readonly callId: string;
  readonly accountId: string;
}

export type StartReading = { ok: true; ids: ExotelStreamIds; metadata: Record<string, unknown>; formatError?: string } | { ok: false; why: string };

/** Reads `start` tolerantly; only a missing `stream_sid` is fatal. Exotel sends the rate as a string. */
export function readStart(message: Message, sampleRate: number): StartReading {
  const start = (isRecord(message.start) ? message.start : {}) as Message;
  const streamId = str(start.stream_sid) ?? str(message.stream_sid);
  if (!streamId) return { ok: false, why: "start message without a stream_sid" };
  const ids: ExotelStreamIds = { streamId, callId: str(start.call_sid) ?? "", accountId: str(start.account_sid) ?? "" };
  const customParameters: Record<string, string> = {};
  if (isRecord(start.custom_parameters))
    for (const [k, v] of Object.entries(start.custom_parameters)) if (typeof v === "string" || typeof v === "number") customParameters[k] = String(v);
  const format = isRecord(start.media_format) ? (start.media_format as Message) : {};
  const mediaFormat = {
    encoding: str(format.encoding) ?? "audio/x-raw",
    sampleRate: num(format.sample_rate) ?? sampleRate,
    bitRate: num(format.bit_rate) ?? 16,
  };
  const metadata: Record<string, unknown> = { tracks: ["inbound"], customParameters, mediaFormat };
  for (const key of ["from", "to"] as const) if (typeof start[key] === "string") metadata[key] = start[key];
  if (mediaFormat.sampleRate === sampleRate && mediaFormat.bitRate === 16) return { ok: true, ids, metadata };
  return {
    ok: true,
    ids,
    metadata,
    formatError: `the stream is ${mediaFormat.bitRate}-bit at ${mediaFormat.sampleRate} Hz; this leg was set up for 16-bit at ${sampleRate} Hz (exotel({ sampleRate }) and the URL's sample-rate must agree), so its media is refused`,
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
