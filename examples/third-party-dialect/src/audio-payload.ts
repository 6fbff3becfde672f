import { AudioDataError, base64Decode, base64Encode, pcm16FromBytes, pcm16ToBytes } from "@voxwire/core";

/** Samples as an `audio` message carries them: PCM16 little-endian bytes, then base64. */
export function encodeAudio(samples: Int16Array): string {
  return base64Encode(pcm16ToBytes(samples));
}

/**
 * An `audio` message's payload back to samples, or the `AudioDataError` saying why it cannot be
 * (not a string, not base64, an odd byte count). Returned, not thrown: a codec's decode never throws.
 */
export function decodeAudio(audio: unknown, dialect: string): Int16Array | AudioDataError {
  if (typeof audio !== "string") return new AudioDataError('an audio message has no base64 "audio" string', { dialect });
  try {
    return pcm16FromBytes(base64Decode(audio));
  } catch (cause) {
    return new AudioDataError("an audio message's payload is not base64 PCM16", { dialect, cause });
  }
}
