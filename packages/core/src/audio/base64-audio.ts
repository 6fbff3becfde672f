import { AudioDataError } from "../errors/error-classes.js";
import type { AudioEncoding } from "../events/audio-format.js";
import { oddByteCountError } from "./audio-errors.js";
import { bytesOfSlab, slabInt16 } from "./audio-slab.js";
import { base64DecodedLength, base64DecodeInto } from "./base64.js";
import { alawDecode } from "./g711-alaw.js";
import { mulawDecode } from "./g711-mulaw.js";
import { IS_LITTLE_ENDIAN_HOST, pcm16FromBytesCopy } from "./pcm-bytes.js";

/*
 * A JSON wire's audio field (base64 G.711 or PCM16LE) straight to PCM16, the receive path of
 * every base64 dialect and carrier. Strict base64 as `base64Decode`; no buffer of its own per
 * call: PCM16 is decoded into the chunk's memory, G.711 codes into one reused scratch buffer.
 */

let codes = new Uint8Array(1024);

/**
 * Strict base64 audio in `encoding` to PCM16 samples. Invalid base64 or an odd PCM16 byte count
 * throws `AudioDataError`. The samples are the caller's to keep but may share their ArrayBuffer
 * with other chunks (read them through the view; copy before transferring `.buffer`).
 */
export function decodeBase64Audio(text: string, encoding: AudioEncoding): Int16Array {
  const byteCount = base64DecodedLength(text);
  if (encoding === "pcm16") {
    if ((byteCount & 1) !== 0) throw oddByteCountError(byteCount);
    const samples = slabInt16(byteCount >> 1);
    if (IS_LITTLE_ENDIAN_HOST) {
      base64DecodeInto(text, bytesOfSlab(samples), samples.byteOffset);
      return samples;
    }
    return pcm16FromBytesCopy(codes.subarray(0, decodeCodes(text, byteCount)), samples);
  }
  const count = decodeCodes(text, byteCount);
  const samples = slabInt16(count);
  if (encoding === "mulaw") mulawDecode(count === codes.length ? codes : codes.subarray(0, count), samples);
  else if (encoding === "alaw") alawDecode(count === codes.length ? codes : codes.subarray(0, count), samples);
  else throw new AudioDataError(`unknown audio encoding ${JSON.stringify(encoding)}`);
  return samples;
}

/** The bytes of `text` into the scratch buffer, grown as needed. */
function decodeCodes(text: string, byteCount: number): number {
  if (codes.length < byteCount) codes = new Uint8Array(Math.max(byteCount, codes.length * 2));
  return base64DecodeInto(text, codes, 0);
}
