import { ProtocolError } from "../errors/error-classes.js";
import type { VoxwireError } from "../errors/voxwire-error.js";
import type { InboundEvent, InboundEventOf } from "../events/inbound.js";
import type { WireFrame } from "../events/wire-frame.js";
import { errorEvent } from "./error-event.js";
import { parsePeerJson } from "./safe-json.js";

/** Frames above this are refused before parsing (1 MiB: a generous second of base64 48 kHz audio). */
export const DEFAULT_MAX_FRAME_BYTES = 1 << 20;

/**
 * What an error event keeps of a frame it refuses: enough to see what the frame was, never the
 * megabyte an event queue would otherwise hold on to.
 */
export const MAX_REFUSED_RAW = 256;

/**
 * The error event for a refused frame, its `raw` cut to the first `MAX_REFUSED_RAW` characters
 * or bytes (never half a surrogate pair), with `rawLength` then giving the whole frame's length.
 */
export function refusedFrameEvent(error: VoxwireError, frame: WireFrame): InboundEvent {
  if (frame.length <= MAX_REFUSED_RAW) return errorEvent(error, frame);
  let end = MAX_REFUSED_RAW;
  if (typeof frame === "string" && (frame.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  // A copy of the bytes, not a view (Buffer#slice is one): a view keeps the whole frame alive.
  // (A substring can be a V8 slice of the whole text: the JSON round trip makes a fresh string,
  // lone surrogates included.)
  const raw =
    typeof frame === "string" ? (JSON.parse(JSON.stringify(frame.slice(0, end))) as string) : Uint8Array.prototype.slice.call(frame, 0, end);
  return { ...errorEvent(error, raw), rawLength: frame.length };
}

/** A parsed JSON message with its type tag. */
export interface JsonMessage {
  /** The value of the type tag (`options.typeKey`), always a string. */
  readonly type: string;
  /** The parsed object, type tag included (without `__proto__`-like keys: see parsePeerJson). */
  readonly message: Readonly<Record<string, unknown>>;
}

/** How `readJsonFrame` reads a text frame. */
export interface ReadJsonOptions {
  /** The dialect's name, for the error events' `dialect`. */
  dialect: string;
  /** The field that names the message (`type`, or `event` for Twilio). */
  typeKey?: string;
  /**
   * Frames longer than this many characters are refused unparsed, so a hostile peer cannot make
   * a codec parse megabytes. Default `DEFAULT_MAX_FRAME_BYTES`.
   */
  maxBytes?: number;
}

/**
 * Guarded JSON decoding for text frames: an oversize frame, malformed JSON, a non-object or a
 * missing type tag yields a non-fatal `protocol_violation` error event instead of throwing; its
 * `raw` keeps only the frame's first 256 characters (see refusedFrameEvent).
 * Objects come back without `__proto__`/`constructor`/`prototype` keys (see parsePeerJson).
 */
export function readJsonFrame(frame: string, options: ReadJsonOptions): { ok: true; value: JsonMessage } | { ok: false; events: InboundEvent[] } {
  const { dialect, typeKey = "type", maxBytes = DEFAULT_MAX_FRAME_BYTES } = options;
  const fail = (why: string) => ({ ok: false as const, events: [refusedFrameEvent(new ProtocolError(why, { dialect }), frame)] });
  // length counts UTF-16 units; a unit is at most 3 UTF-8 bytes, so this is a safe lower bound check.
  if (frame.length > maxBytes) return fail(`text frame of ${frame.length} characters exceeds the ${maxBytes}-byte limit`);
  let parsed: unknown;
  try {
    parsed = parsePeerJson(frame);
  } catch {
    return fail(`text frame is not valid JSON (${frame.length} characters)`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return fail("text frame is JSON but not an object");
  }
  const message = parsed as Record<string, unknown>;
  const type = message[typeKey];
  if (typeof type !== "string") return fail(`JSON message has no string "${typeKey}" field`);
  return { ok: true, value: { type, message } };
}

/** A frame the dialect does not know, kept whole. */
export function passthrough(name: string, payload: unknown, raw: WireFrame): InboundEvent {
  return { type: "passthrough", name, payload, raw };
}

/**
 * A pass-through back on the wire (a peer codec's encode): the frame it came from, or, for one
 * made without a frame, `{ [typeKey]: name, payload }` as JSON text.
 */
export function passthroughFrame(event: InboundEventOf<"passthrough">, typeKey = "type"): WireFrame {
  return event.raw !== undefined ? event.raw : JSON.stringify({ [typeKey]: event.name, payload: event.payload });
}
