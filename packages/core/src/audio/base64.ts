import { AudioDataError } from "../errors/error-classes.js";
import { checkOutputLength } from "./audio-errors.js";
import { tableBase64DecodeBody, tableBase64Encode } from "./base64-table.js";

/*
 * Base64 for audio payloads on every runtime: Node's Buffer where it exists, the native
 * Uint8Array.fromBase64/toBase64 where the runtime has them, otherwise the table codec.
 * Decoding is strict and identical on all three: the standard alphabet only (no URL-safe
 * characters, no whitespace), "=" padding optional but, when present, completing a multiple of
 * four characters, never a lone trailing character, and canonical: the bits the last character
 * carries past the data must be zero (RFC 4648 §3.5). Anything else throws `AudioDataError`.
 */

interface NodeBufferLike extends Uint8Array {
  toString(encoding?: "base64"): string;
  write(text: string, offset: number, length: number, encoding: "base64"): number;
}
type NodeBufferClass = ((...args: never) => unknown) & {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBufferLike;
  byteLength(text: string, encoding: "utf8"): number;
};
interface NativeBase64Uint8Array extends Uint8Array {
  toBase64(): string;
}
interface NativeBase64Constructor {
  fromBase64(text: string): Uint8Array<ArrayBuffer>;
}

export type Base64Backend = "buffer" | "native" | "table";

const NON_ALPHABET = /[^A-Za-z0-9+/]/;

function nodeBuffer(): NodeBufferClass | undefined {
  const candidate = (globalThis as unknown as { Buffer?: NodeBufferClass }).Buffer;
  return typeof candidate === "function" && typeof candidate.from === "function" ? candidate : undefined;
}

function hasNativeBase64(): boolean {
  return (
    typeof (Uint8Array as unknown as Partial<NativeBase64Constructor>).fromBase64 === "function" &&
    typeof (Uint8Array.prototype as Partial<NativeBase64Uint8Array>).toBase64 === "function"
  );
}

/** Which codec this runtime uses: Buffer, then the native methods, then the table. */
export function detectBase64Backend(): Base64Backend {
  if (nodeBuffer() !== undefined) return "buffer";
  if (hasNativeBase64()) return "native";
  return "table";
}

let backend: Base64Backend | undefined;

function currentBackend(): Base64Backend {
  if (backend === undefined) backend = detectBase64Backend();
  return backend;
}

/** Bytes to padded base64 (standard alphabet). */
export function base64Encode(bytes: Uint8Array): string {
  return base64EncodeWith(currentBackend(), bytes);
}

/** Strict base64 to bytes; invalid input throws `AudioDataError`. The result owns its buffer. */
export function base64Decode(text: string): Uint8Array<ArrayBuffer> {
  return base64DecodeWith(currentBackend(), text);
}

/** `base64Encode` on a chosen backend (tests and benchmarks compare them). */
export function base64EncodeWith(which: Base64Backend, bytes: Uint8Array): string {
  if (which === "buffer") {
    const B = nodeBuffer();
    if (B !== undefined) return B.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  } else if (which === "native" && hasNativeBase64()) {
    return (bytes as NativeBase64Uint8Array).toBase64();
  }
  return tableBase64Encode(bytes);
}

/** `base64Decode` on a chosen backend (tests and benchmarks compare them). */
export function base64DecodeWith(which: Base64Backend, text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(base64DecodedLength(text));
  decodeInto(which, text, out, 0, false); // a fresh array each time: keep it out of the view cache
  return out;
}

/**
 * How many bytes strict base64 `text` decodes to, from its length and padding alone; a length or
 * padding no base64 text can have throws `AudioDataError`. The characters are checked by decoding.
 */
export function base64DecodedLength(text: string): number {
  if (typeof text !== "string") throw new AudioDataError("invalid base64: not a string");
  const length = text.length;
  if (length === 0) return 0;
  const bodyChars = length - padCount(text);
  if ((bodyChars !== length && (length & 3) !== 0) || (bodyChars & 3) === 1) {
    throw new AudioDataError(`invalid base64: ${length} characters cannot be a complete base64 text`);
  }
  return (bodyChars * 3) >> 2;
}

/**
 * Strict base64 into `out` from `offset`, allocating nothing (a receive path decodes every frame
 * into one reused buffer); returns the byte count, `base64DecodedLength(text)`. Invalid text throws
 * `AudioDataError` and may leave part of that range written; too small an `out` is a `RangeError`.
 */
export function base64DecodeInto(text: string, out: Uint8Array, offset = 0): number {
  return base64DecodeIntoWith(currentBackend(), text, out, offset);
}

/** `base64DecodeInto` on a chosen backend. */
export function base64DecodeIntoWith(which: Base64Backend, text: string, out: Uint8Array, offset = 0): number {
  return decodeInto(which, text, out, offset, true);
}

function decodeInto(which: Base64Backend, text: string, out: Uint8Array, offset: number, reused: boolean): number {
  const byteCount = base64DecodedLength(text);
  checkOutputLength(out, offset + byteCount, "base64DecodeInto");
  if (byteCount === 0) return 0;
  const bodyChars = text.length - padCount(text);
  if (which === "table") {
    tableBase64DecodeBody(text, bodyChars, out, offset);
    return byteCount;
  }
  if (!finalBitsAreZero(text, bodyChars)) throw nonCanonical();
  const B = which === "buffer" ? nodeBuffer() : undefined;
  if (B !== undefined) {
    // Buffer's decoder is lenient: it skips junk and whitespace (the byte count then falls short),
    // takes the URL-safe "-" and "_", and reads a char ≥ U+0100 by its low byte (U+0176 as "v").
    // Refuse those three cases directly; each scan runs at memory speed.
    const view = reused ? bufferOver(B, out) : B.from(out.buffer, out.byteOffset, out.byteLength);
    const written = view.write(text, offset, byteCount, "base64");
    if (written !== byteCount || text.indexOf("-") !== -1 || text.indexOf("_") !== -1 || B.byteLength(text, "utf8") !== text.length) {
      throw invalidText();
    }
    return byteCount;
  }
  if (NON_ALPHABET.test(bodyChars === text.length ? text : text.slice(0, bodyChars))) throw invalidText();
  if (which === "native" && hasNativeBase64()) {
    out.set((Uint8Array as unknown as NativeBase64Constructor).fromBase64(text), offset);
    return byteCount;
  }
  tableBase64DecodeBody(text, bodyChars, out, offset);
  return byteCount;
}

/** "=" characters at the end that may be padding (0, 1 or 2). */
function padCount(text: string): number {
  const length = text.length;
  return text.charCodeAt(length - 1) !== 0x3d ? 0 : text.charCodeAt(length - 2) === 0x3d ? 2 : 1;
}

// Two entries: a bridge decodes the phone leg's codes and the agent leg's PCM into two arrays.
let outA: Uint8Array | undefined;
let viewA: NodeBufferLike | undefined;
let outB: Uint8Array | undefined;
let viewB: NodeBufferLike | undefined;

/** A Buffer over `out`'s memory, the same one while callers keep decoding into the same arrays. */
function bufferOver(B: NodeBufferClass, out: Uint8Array): NodeBufferLike {
  if (out === outA && viewA !== undefined) return viewA;
  if (out === outB && viewB !== undefined) return viewB;
  outB = outA;
  viewB = viewA;
  outA = out;
  viewA = B.from(out.buffer, out.byteOffset, out.byteLength);
  return viewA;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The bits a partial last group leaves over must be zero (RFC 4648 §3.5: canonical text). */
function finalBitsAreZero(text: string, bodyChars: number): boolean {
  const rest = bodyChars & 3;
  if (rest === 0) return true;
  const value = ALPHABET.indexOf(text.charAt(bodyChars - 1));
  return value < 0 || (value & (rest === 2 ? 0x0f : 0x03)) === 0;
}

function invalidText(): AudioDataError {
  return new AudioDataError("invalid base64: a character outside the base64 alphabet");
}

function nonCanonical(): AudioDataError {
  return new AudioDataError("invalid base64: the last character carries bits past the data (not canonical)");
}
