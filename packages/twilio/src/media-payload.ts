import { AudioDataError, base64Decode, base64Encode, mulawDecode, mulawEncode } from "@voxwire/core";
import { DIALECT_NAME } from "./wire.js";

/** PCM16 as a media message's `payload`: G.711 μ-law in base64 (`scratch` takes the μ-law bytes, so a caller can reuse it). */
export function encodeMediaPayload(audio: Int16Array, scratch?: Uint8Array): string {
  return base64Encode(mulawEncode(audio, scratch));
}

/**
 * A media message's `payload` back to PCM16. Invalid base64 is an `AudioDataError`, returned, not
 * thrown: a codec's decode never throws, and one bad chunk must not end the stream.
 */
export function decodeMediaPayload(payload: string): Int16Array | AudioDataError {
  let codes: Uint8Array;
  try {
    codes = base64Decode(payload);
  } catch (error) {
    return new AudioDataError(`media payload: ${(error as Error).message}`, { dialect: DIALECT_NAME, cause: error });
  }
  return mulawDecode(codes);
}
