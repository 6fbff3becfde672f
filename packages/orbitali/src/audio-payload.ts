import { AudioDataError, base64Decode, base64Encode, pcm16FromBytes, pcm16ToBytes } from "@voxwire/core";
import { DIALECT_NAME } from "./wire.js";

/** PCM16 samples as the wire carries them: little-endian bytes, base64 (core's codec, fast on every runtime). */
export function encodeAudioPayload(samples: Int16Array): string {
  return base64Encode(pcm16ToBytes(samples));
}

/**
 * A message's `audio` field back to samples. Not a string, invalid base64 or an odd byte count
 * is an `AudioDataError` (returned, not thrown: a codec's decode never throws, and one bad chunk
 * must not end the session).
 */
export function decodeAudioPayload(audio: unknown, message: string): Int16Array | AudioDataError {
  if (typeof audio !== "string") {
    return new AudioDataError(`${message} has no base64 "audio" string`, { dialect: DIALECT_NAME });
  }
  try {
    return pcm16FromBytes(base64Decode(audio));
  } catch (error) {
    // Core's message, without its "[voxwire] " prefix, after ours.
    const why = error instanceof Error ? error.message.replace(/^\[voxwire[^\]]*\]\s*/, "") : String(error);
    return new AudioDataError(`${message} audio is not PCM16 in base64: ${why}`, { dialect: DIALECT_NAME, cause: error });
  }
}
