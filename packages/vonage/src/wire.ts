import { isRecord, type WireAudioFormat } from "@voxwire/core";

/*
 * The Vonage Voice API WebSocket wire in one place (Vonage, "WebSockets":
 * https://developer.vonage.com/en/voice/voice-api/concepts/websockets). The first message is a
 * JSON text `websocket:connected` (with the NCCO endpoint's headers merged in); audio is BINARY
 * 16-bit linear PCM, little-endian, 20 ms per message, both ways; control is JSON text:
 * `{"action":"notify"}` → `websocket:notify`, `{"action":"clear"}` → `websocket:cleared`,
 * `websocket:dtmf`. Vonage buffers at most 3,072 messages (about a minute) of audio sent to it.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "vonage";

export const VonageEvent = {
  connected: "websocket:connected",
  notify: "websocket:notify",
  cleared: "websocket:cleared",
  dtmf: "websocket:dtmf",
} as const;

export const VonageAction = {
  notify: "notify",
  clear: "clear",
} as const;

export const VONAGE_RATES: readonly number[] = [8000, 16000, 24000];
export const VONAGE_FRAME_MS = 20;
/** Messages of audio Vonage holds before it drops: the lead the bridge keeps must stay far below it. */
export const VONAGE_MAX_BUFFERED_MESSAGES = 3072;
/** The NCCO header that carries the call's UUID to the socket (set by this leg's answer). */
export const VONAGE_CALL_HEADER = "call_uuid";
export const VONAGE_CONVERSATION_HEADER = "conversation_uuid";

export function wireFormat(sampleRate: number): WireAudioFormat {
  return { encoding: "pcm16", sampleRate, frameMs: VONAGE_FRAME_MS };
}

/** The NCCO `content-type` for a rate: `audio/l16;rate=16000`. */
export function contentType(sampleRate: number): string {
  return `audio/l16;rate=${sampleRate}`;
}

/** The rate a `content-type` names, or undefined. */
export function rateOf(type: unknown): number | undefined {
  if (typeof type !== "string") return undefined;
  const match = /^audio\/l16;\s*rate=(\d+)$/i.exec(type.trim());
  return match ? Number(match[1]) : undefined;
}

/** PCM16 → little-endian bytes (a fresh array: the socket may hold it). */
export function pcmBytes(audio: Int16Array): Uint8Array {
  const out = new Uint8Array(audio.length * 2);
  for (let i = 0, j = 0; i < audio.length; i++, j += 2) {
    const s = audio[i]!;
    out[j] = s & 0xff;
    out[j + 1] = (s >> 8) & 0xff;
  }
  return out;
}

/** Little-endian bytes → PCM16 (a copy the caller owns). */
export function pcmSamples(bytes: Uint8Array): Int16Array {
  const out = new Int16Array(bytes.length >> 1);
  for (let i = 0, j = 0; i < out.length; i++, j += 2) out[i] = bytes[j]! | (bytes[j + 1]! << 8);
  return out;
}

/** The custom headers of `websocket:connected`, as strings (the parameters the answer gave the stream). */
export function connectedHeaders(message: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(message)) {
    if (key === "event" || key === "content-type") continue;
    if (typeof value === "string") out[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") out[key] = String(value);
  }
  return out;
}

/** The DTMF digit of `websocket:dtmf`: `digit` at the top, or inside `dtmf` (both are seen). */
export function dtmfDigit(message: Readonly<Record<string, unknown>>): unknown {
  if (message.digit !== undefined) return message.digit;
  return isRecord(message.dtmf) ? message.dtmf.digit : undefined;
}
