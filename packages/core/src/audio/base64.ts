import { AudioDataError } from "../errors/error-classes.js";
import { tableBase64DecodeBody, tableBase64Encode } from "./base64-table.js";

/*
 * Base64 for audio payloads on every runtime: Node's Buffer where it exists, the native
 * Uint8Array.fromBase64/toBase64 where the runtime has them, otherwise the table codec.
 * Decoding is strict and identical on all three: the standard alphabet only (no URL-safe
 * characters, no whitespace), "=" padding optional but, when present, completing a multiple of
 * four characters, and never a lone trailing character. Leftover bits in the last character
 * are ignored, as RFC 4648 §3.5 allows. Anything else throws `AudioDataError`.
 */

interface NodeBufferLike {
  toString(encoding: "base64"): string;
  write(text: string, offset: number, encoding: "base64"): number;
}
type NodeBufferClass = ((...args: never) => unknown) & {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBufferLike;
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
  if (typeof text !== "string") throw new AudioDataError("invalid base64: not a string");
  const length = text.length;
  if (length === 0) return new Uint8Array(0);
  const padChars = text.charCodeAt(length - 1) !== 0x3d ? 0 : text.charCodeAt(length - 2) === 0x3d ? 2 : 1;
  const bodyChars = length - padChars;
  if ((padChars !== 0 && (length & 3) !== 0) || (bodyChars & 3) === 1) {
    throw new AudioDataError(`invalid base64: ${length} characters cannot be a complete base64 text`);
  }
  const byteCount = (bodyChars * 3) >> 2;
  if (which === "table") return tableBase64DecodeBody(text, bodyChars, new Uint8Array(byteCount));
  // Buffer and fromBase64 are lenient (they skip junk and whitespace), so check the alphabet first.
  if (NON_ALPHABET.test(padChars === 0 ? text : text.slice(0, bodyChars))) {
    throw new AudioDataError("invalid base64: a character outside the base64 alphabet");
  }
  const B = which === "buffer" ? nodeBuffer() : undefined;
  if (B !== undefined) {
    // Decode into an array of our own: Buffer.from(text) would hand out a slice of a shared pool.
    const out = new Uint8Array(byteCount);
    B.from(out.buffer, 0, byteCount).write(text, 0, "base64");
    return out;
  }
  if (which === "native" && hasNativeBase64()) {
    return (Uint8Array as unknown as NativeBase64Constructor).fromBase64(text);
  }
  return tableBase64DecodeBody(text, bodyChars, new Uint8Array(byteCount));
}
