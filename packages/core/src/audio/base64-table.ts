import { AudioDataError } from "../errors/error-classes.js";

/*
 * The portable base64 codec (RFC 4648 §4 alphabet) for runtimes with neither Buffer nor
 * Uint8Array.fromBase64: AudioWorklets, older browsers. Works on typed arrays end to end and
 * builds the string in large blocks, never one character at a time.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const INVALID = 0xff;
const PAD = 0x3d; // "="
const STRING_BLOCK_CHARS = 8192; // fromCharCode.apply argument count stays far below engine limits

let encodeTable: Uint8Array | undefined;
let decodeTable: Uint8Array | undefined;

function tables(): { enc: Uint8Array; dec: Uint8Array } {
  if (encodeTable === undefined || decodeTable === undefined) {
    encodeTable = new Uint8Array(64);
    decodeTable = new Uint8Array(128).fill(INVALID);
    for (let i = 0; i < 64; i++) {
      const c = ALPHABET.charCodeAt(i);
      encodeTable[i] = c;
      decodeTable[c] = i;
    }
  }
  return { enc: encodeTable, dec: decodeTable };
}

let latin1: TextDecoder | null | undefined;

/** ASCII codes to a string: TextDecoder where it exists, else block by block (AudioWorklets lack it). */
function asciiToString(codes: Uint8Array): string {
  if (latin1 === undefined) latin1 = typeof TextDecoder === "function" ? new TextDecoder("latin1") : null;
  return latin1 !== null ? latin1.decode(codes) : asciiToStringByBlocks(codes);
}

/** The fallback for runtimes without TextDecoder: fromCharCode over large blocks. */
export function asciiToStringByBlocks(codes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < codes.length; i += STRING_BLOCK_CHARS) {
    text += String.fromCharCode.apply(null, codes.subarray(i, i + STRING_BLOCK_CHARS) as unknown as number[]);
  }
  return text;
}

/** Bytes to padded base64 with the table codec. */
export function tableBase64Encode(bytes: Uint8Array): string {
  const { enc } = tables();
  const n = bytes.length;
  const whole = n - (n % 3);
  const out = new Uint8Array(((n + 2) / 3) << 2);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = enc[v >> 18]!;
    out[o++] = enc[(v >> 12) & 63]!;
    out[o++] = enc[(v >> 6) & 63]!;
    out[o++] = enc[v & 63]!;
  }
  if (n - whole === 1) {
    const v = bytes[whole]!;
    out[o++] = enc[v >> 2]!;
    out[o++] = enc[(v & 3) << 4]!;
    out[o++] = PAD;
    out[o++] = PAD;
  } else if (n - whole === 2) {
    const v = (bytes[whole]! << 8) | bytes[whole + 1]!;
    out[o++] = enc[v >> 10]!;
    out[o++] = enc[(v >> 4) & 63]!;
    out[o++] = enc[(v & 15) << 2]!;
    out[o++] = PAD;
  }
  return asciiToString(out);
}

/**
 * Decodes the base64 body `text[0, bodyChars)` (padding already stripped and checked by the
 * caller) into `out` from `offset`, which has room for floor(bodyChars · 3 / 4) bytes. Throws on
 * any character outside the alphabet.
 */
export function tableBase64DecodeBody(text: string, bodyChars: number, out: Uint8Array, offset = 0): void {
  const { dec } = tables();
  const whole = bodyChars & ~3;
  let o = offset;
  for (let i = 0; i < whole; i += 4) {
    const ca = text.charCodeAt(i);
    const cb = text.charCodeAt(i + 1);
    const cc = text.charCodeAt(i + 2);
    const cd = text.charCodeAt(i + 3);
    const a = dec[ca & 0x7f]!;
    const b = dec[cb & 0x7f]!;
    const c = dec[cc & 0x7f]!;
    const d = dec[cd & 0x7f]!;
    // A non-ASCII code sets a bit above 0x7f; an INVALID entry sets bits above 0x3f.
    if (((ca | cb | cc | cd) & ~0x7f) !== 0 || ((a | b | c | d) & 0xc0) !== 0) throw invalidCharacter(i);
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    out[o++] = v >> 8;
    out[o++] = v;
  }
  const rest = bodyChars - whole;
  if (rest >= 2) {
    const ca = text.charCodeAt(whole);
    const cb = text.charCodeAt(whole + 1);
    const cc = rest === 3 ? text.charCodeAt(whole + 2) : 0x41; // "A" decodes to 0
    const a = dec[ca & 0x7f]!;
    const b = dec[cb & 0x7f]!;
    const c = dec[cc & 0x7f]!;
    if (((ca | cb | cc) & ~0x7f) !== 0 || ((a | b | c) & 0xc0) !== 0) throw invalidCharacter(whole);
    // Canonical text only: the bits past the last byte must be zero.
    if ((rest === 2 ? b & 0x0f : c & 0x03) !== 0)
      throw new AudioDataError("invalid base64: the last character carries bits past the data (not canonical)");
    const v = (a << 18) | (b << 12) | (c << 6);
    out[o++] = v >> 16;
    if (rest === 3) out[o++] = v >> 8;
  }
}

function invalidCharacter(at: number): AudioDataError {
  return new AudioDataError(`invalid base64: a character outside the base64 alphabet near offset ${at}`);
}
