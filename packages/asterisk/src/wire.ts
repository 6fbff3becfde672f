import { alawDecode, alawEncode, mulawDecode, mulawEncode, type WireAudioFormat } from "@voxwire/core";

/*
 * The Asterisk `chan_websocket` wire in one place (Asterisk documentation, "WebSocket" channel
 * driver: https://docs.asterisk.org/Configuration/Channel-Drivers/WebSocket/). Media is BINARY
 * frames of raw codec data (ulaw/alaw: 160 bytes per 20 ms); control is TEXT frames, either the
 * legacy plain text (`NAME key:value …`) or, since 20.18, 22.8 and 23.2, JSON (`{"event":…}` from
 * Asterisk, `{"command":…}` to it). Messages over 65,500 bytes close the socket and hang up.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "asterisk";

/** Events Asterisk sends. */
export const AsteriskEvent = {
  mediaStart: "MEDIA_START",
  dtmfEnd: "DTMF_END",
  xoff: "MEDIA_XOFF",
  xon: "MEDIA_XON",
  status: "STATUS",
  bufferingCompleted: "MEDIA_BUFFERING_COMPLETED",
  markProcessed: "MEDIA_MARK_PROCESSED",
  queueDrained: "QUEUE_DRAINED",
  /** Not in the reference's event list; applications report it, so it is read as the call ending. */
  hangup: "HANGUP",
} as const;

/** Commands we send. */
export const AsteriskCommand = {
  answer: "ANSWER",
  hangup: "HANGUP",
  flush: "FLUSH_MEDIA",
  mark: "MARK_MEDIA",
  getStatus: "GET_STATUS",
} as const;

/** The subprotocol both sides of a media WebSocket name. */
export const ASTERISK_SUBPROTOCOL = "media";
/** "The maximum websocket message size the underlying websocket code can handle is 65500 bytes." */
export const ASTERISK_MAX_MESSAGE_BYTES = 65_500;
export const ASTERISK_FRAME_MS = 20;
/** The frame queue's levels: MEDIA_XOFF at about 900 frames, MEDIA_XON below about 800 (of about 1000). */
export const ASTERISK_XOFF_FRAMES = 900;
export const ASTERISK_XON_FRAMES = 800;
/** Why a phone-leg session ends when Asterisk hangs up. */
export const ASTERISK_HANGUP_REASON = "hangup";

/** The codecs this leg carries as PCM (the dialstring's `c(…)`); slin is signed linear, host (little-endian) order. */
export type AsteriskFormat = "ulaw" | "alaw" | "slin" | "slin16";
export const ASTERISK_FORMATS: readonly AsteriskFormat[] = ["ulaw", "alaw", "slin", "slin16"];

export function formatRate(format: AsteriskFormat): number {
  return format === "slin16" ? 16000 : 8000;
}

export function bytesPerSample(format: AsteriskFormat): number {
  return format === "slin" || format === "slin16" ? 2 : 1;
}

/** 20 ms of a format, in bytes: what MEDIA_START's `optimal_frame_size` says for it. */
export function optimalFrameSize(format: AsteriskFormat): number {
  return (formatRate(format) / 50) * bytesPerSample(format);
}

export function wireFormat(format: AsteriskFormat): WireAudioFormat {
  const encoding = format === "ulaw" ? "mulaw" : format === "alaw" ? "alaw" : "pcm16";
  return { encoding, sampleRate: formatRate(format), frameMs: ASTERISK_FRAME_MS };
}

/** The format a plan's wire names. */
export function formatOf(wire: WireAudioFormat): AsteriskFormat {
  if (wire.encoding === "mulaw") return "ulaw";
  if (wire.encoding === "alaw") return "alaw";
  return wire.sampleRate === 16000 ? "slin16" : "slin";
}

/** Codec bytes → PCM16 (a copy the caller owns). */
export function decodeMedia(format: AsteriskFormat, bytes: Uint8Array): Int16Array {
  if (format === "ulaw") return mulawDecode(bytes);
  if (format === "alaw") return alawDecode(bytes);
  const out = new Int16Array(bytes.length >> 1);
  for (let i = 0, j = 0; i < out.length; i++, j += 2) out[i] = bytes[j]! | (bytes[j + 1]! << 8);
  return out;
}

/** PCM16 → codec bytes into `out` (length samples × bytes per sample). */
export function encodeMedia(format: AsteriskFormat, audio: Int16Array, out: Uint8Array): Uint8Array {
  if (format === "ulaw") return mulawEncode(audio, out);
  if (format === "alaw") return alawEncode(audio, out);
  for (let i = 0, j = 0; i < audio.length; i++, j += 2) {
    const s = audio[i]!;
    out[j] = s & 0xff;
    out[j + 1] = (s >> 8) & 0xff;
  }
  return out;
}

/** One control message, whichever way it was written. */
export interface ControlMessage {
  readonly name: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly json: boolean;
}

/** Plain-text parameters that are numbers (JSON carries them as numbers). */
const NUMERIC_FIELDS = new Set(["optimal_frame_size", "ptime", "queue_length", "xon_level", "xoff_level"]);

/**
 * Reads a TEXT frame: JSON (`{"event":"MEDIA_START",…}`) or plain text (`MEDIA_START
 * connection_id:… format:ulaw optimal_frame_size:160`); a bare word after the name (as in
 * `MEDIA_BUFFERING_COMPLETED <id>`) is its `correlation_id`. Undefined for anything else.
 */
export function readControl(text: string): ControlMessage | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return undefined;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    const fields = value as Record<string, unknown>;
    const name = fields.event ?? fields.command;
    return typeof name === "string" && name.length > 0 ? { name, fields, json: true } : undefined;
  }
  const [name, ...parts] = trimmed.split(/\s+/);
  if (!name || !/^[A-Z][A-Z_]{1,63}$/.test(name)) return undefined;
  const fields: Record<string, unknown> = {};
  for (const part of parts) {
    const at = part.indexOf(":");
    if (at > 0) {
      const key = part.slice(0, at);
      const raw = part.slice(at + 1);
      fields[key] = NUMERIC_FIELDS.has(key) && /^\d+$/.test(raw) ? Number(raw) : raw === "true" ? true : raw === "false" ? false : raw;
    } else if (fields.correlation_id === undefined) fields.correlation_id = part;
  }
  return { name, fields, json: false };
}

/** A command in the format Asterisk spoke (JSON, or plain text with its one parameter as a bare word). */
export function writeCommand(json: boolean, command: string, correlationId?: string): string {
  if (json) return JSON.stringify(correlationId === undefined ? { command } : { command, correlation_id: correlationId });
  return correlationId === undefined ? command : `${command} ${correlationId}`;
}
