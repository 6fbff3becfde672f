import { type InboundEvent, isBinaryFrame, ProtocolError, parsePeerJson, refusedFrameEvent, type WireFrame } from "@voxwire/core";
import { DIALECT_NAME } from "./wire.js";

/** Frames above this are refused unparsed (1 MiB: core's default for a JSON frame). */
export const GEMINI_MAX_FRAME_BYTES = 1 << 20;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A Live API message from a frame. The service sends JSON, as text or, to browsers, as binary
 * frames holding UTF-8 JSON (js-genai's `handleWebSocketMessage` reads Blob and ArrayBuffer
 * data as text), so both are read the same way. Oversize, not UTF-8, not JSON or not an object:
 * a non-fatal `protocol_violation` error event (its `raw` cut), never a throw.
 */
export function readMessage(
  frame: WireFrame,
  maxBytes = GEMINI_MAX_FRAME_BYTES,
): { ok: true; message: Readonly<Record<string, unknown>> } | { ok: false; events: InboundEvent[] } {
  const fail = (why: string) => ({ ok: false as const, events: [refusedFrameEvent(new ProtocolError(why, { dialect: DIALECT_NAME }), frame)] });
  const kind = isBinaryFrame(frame) ? "binary" : "text";
  if (frame.length > maxBytes)
    return fail(`${kind} frame of ${frame.length} ${kind === "text" ? "characters" : "bytes"} exceeds the ${maxBytes}-byte limit`);
  let text: string;
  if (isBinaryFrame(frame)) {
    try {
      text = utf8.decode(frame);
    } catch {
      return fail(`binary frame of ${frame.length} bytes is not UTF-8 JSON`);
    }
  } else text = frame;
  let parsed: unknown;
  try {
    parsed = parsePeerJson(text);
  } catch {
    return fail(`${kind} frame is not valid JSON (${frame.length} ${kind === "text" ? "characters" : "bytes"})`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return fail(`${kind} frame is JSON but not an object`);
  return { ok: true, message: parsed as Record<string, unknown> };
}
