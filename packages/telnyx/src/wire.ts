import { AudioDataError, alawEncode, base64Decode, base64Encode, isRecord, mulawEncode, readBase64Audio, type WireAudioFormat } from "@voxwire/core";

/*
 * The Telnyx media-streaming wire in one place (Telnyx, "Stream call media over WebSocket",
 * https://developers.telnyx.com/api-reference/websockets/stream-call-media-over-websocket). JSON
 * text tagged by `event`; `stream_id` at the top level, `call_control_id` inside `start`;
 * `sequence_number`, `media.chunk` and `media.timestamp` are strings; the payload is the RTP
 * payload (no header) in base64; media may arrive out of order.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "telnyx";

/** Message names Telnyx sends. */
export const TelnyxEvent = {
  connected: "connected",
  start: "start",
  media: "media",
  dtmf: "dtmf",
  mark: "mark",
  error: "error",
  stop: "stop",
} as const;

/** Message names we send back (bidirectional RTP mode). */
export const TelnyxCommand = {
  media: "media",
  mark: "mark",
  clear: "clear",
} as const;

/** The codecs this leg carries as PCM: G.711 both laws and L16 (RTP L16 is big-endian, RFC 3551 §4.5.11). */
export type TelnyxCodec = "PCMU" | "PCMA" | "L16";
export const TELNYX_CODECS: readonly TelnyxCodec[] = ["PCMU", "PCMA", "L16"];
/** G.711 is 8 kHz; L16 runs at the `bidirectionalSamplingRate` chosen (8, 16 or 24 kHz). */
export const TELNYX_L16_RATES: readonly number[] = [8000, 16000, 24000];
export const TELNYX_FRAME_MS = 20;
/** The `connected` message's version. */
export const TELNYX_PROTOCOL = { version: "1.0.0" } as const;
/** The caller's track on an inbound stream. */
export const TELNYX_INBOUND_TRACK = "inbound";
/** Why a phone-leg session ends when Telnyx sends `stop`. */
export const TELNYX_STOP_REASON = "stop";
/** Media held back to put out-of-order chunks in order, in frames (60 ms): late beyond it is dropped and counted. */
export const TELNYX_REORDER_WINDOW = 3;

export function wireFormat(codec: TelnyxCodec, sampleRate: number): WireAudioFormat {
  const encoding = codec === "PCMU" ? "mulaw" : codec === "PCMA" ? "alaw" : "pcm16";
  return { encoding, sampleRate, frameMs: TELNYX_FRAME_MS };
}

/**
 * PCM16 ↔ one codec's payload bytes. Encoding reuses one scratch buffer (a frame allocates only
 * its base64 text); L16 is swapped to network byte order and back.
 */
export function createPayloadCodec(codec: TelnyxCodec) {
  let scratch = new Uint8Array(0);
  const room = (n: number) => {
    if (scratch.length < n) scratch = new Uint8Array(n);
    return scratch.subarray(0, n);
  };
  return {
    encode(audio: Int16Array): string {
      if (codec === "PCMU") return base64Encode(mulawEncode(audio, room(audio.length)));
      if (codec === "PCMA") return base64Encode(alawEncode(audio, room(audio.length)));
      const out = room(audio.length * 2);
      for (let i = 0, j = 0; i < audio.length; i++, j += 2) {
        const s = audio[i]!;
        out[j] = (s >> 8) & 0xff;
        out[j + 1] = s & 0xff;
      }
      return base64Encode(out);
    },
    decode(payload: string): Int16Array | AudioDataError {
      if (codec === "PCMU" || codec === "PCMA") return readBase64Audio(payload, codec === "PCMU" ? "mulaw" : "alaw", "media payload", DIALECT_NAME);
      // L16 here is big-endian (network order), not the PCM16LE the shared decoder reads.
      let bytes: Uint8Array;
      try {
        bytes = base64Decode(payload);
      } catch (error) {
        return new AudioDataError(`media payload: ${(error as Error).message}`, { dialect: DIALECT_NAME, cause: error });
      }
      if (bytes.length % 2 !== 0)
        return new AudioDataError(`an L16 payload of ${bytes.length} bytes is not whole samples`, { dialect: DIALECT_NAME });
      const out = new Int16Array(bytes.length / 2);
      for (let i = 0, j = 0; i < out.length; i++, j += 2) out[i] = (bytes[j]! << 8) | bytes[j + 1]!;
      return out;
    },
  };
}

type Message = Readonly<Record<string, unknown>>;

/** The ids of one stream, from `start`. */
export interface TelnyxStreamIds {
  readonly streamId: string;
  /** The Call Control id: what the REST API's call actions take. */
  readonly callId: string;
  readonly callSessionId: string;
  readonly accountId: string;
}

export type StartReading = { ok: true; ids: TelnyxStreamIds; metadata: Record<string, unknown>; formatError?: string } | { ok: false; why: string };

/** Reads `start` tolerantly; only a missing `stream_id` is fatal (nothing could be matched to the stream). */
export function readStart(message: Message, codec: TelnyxCodec, sampleRate: number): StartReading {
  const start = (isRecord(message.start) ? message.start : {}) as Message;
  const streamId = str(message.stream_id) ?? str(start.stream_id);
  if (!streamId) return { ok: false, why: "start message without a stream_id" };
  const ids: TelnyxStreamIds = {
    streamId,
    callId: str(start.call_control_id) ?? "",
    callSessionId: str(start.call_session_id) ?? "",
    accountId: str(start.user_id) ?? "",
  };
  const customParameters: Record<string, string> = {};
  if (isRecord(start.custom_parameters)) {
    for (const [key, value] of Object.entries(start.custom_parameters)) {
      if (typeof value === "string") customParameters[key] = value;
      else if (typeof value === "number" || typeof value === "boolean") customParameters[key] = String(value);
    }
  }
  const format = isRecord(start.media_format) ? (start.media_format as Message) : {};
  const mediaFormat = {
    encoding: str(format.encoding) ?? codec,
    sampleRate: num(format.sample_rate) ?? sampleRate,
    channels: num(format.channels) ?? 1,
  };
  const metadata: Record<string, unknown> = { customParameters, mediaFormat };
  for (const key of ["from", "to", "client_state"] as const) if (typeof start[key] === "string") metadata[key] = start[key];
  const matches = mediaFormat.encoding === codec && mediaFormat.sampleRate === sampleRate && mediaFormat.channels === 1;
  if (matches) return { ok: true, ids, metadata };
  return {
    ok: true,
    ids,
    metadata,
    formatError:
      `the stream's media_format is ${mediaFormat.encoding} at ${mediaFormat.sampleRate} Hz, ${mediaFormat.channels} channel(s); ` +
      `this leg was set up for ${codec} at ${sampleRate} Hz mono (telnyx({ codec, sampleRate }) and the answer's stream settings must agree), so its media is refused`,
  };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A number, or a numeric string (Telnyx sends both in places). */
export function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
