import { decodeBase64Audio } from "../audio/base64-audio.js";
import { AudioDataError } from "../errors/error-classes.js";
import type { AudioEncoding } from "../events/audio-format.js";

/**
 * A JSON frame's base64 audio field as PCM16 samples (see `decodeBase64Audio`). A field that is
 * not a string, invalid base64 or an odd PCM16 byte count is an `AudioDataError`, returned, not
 * thrown: a codec's decode never throws, and one bad chunk must not end the session. `what` names
 * the field in the message ("media payload", "response.output_audio.delta").
 */
export function readBase64Audio(payload: unknown, encoding: AudioEncoding, what: string, dialect: string): Int16Array | AudioDataError {
  if (typeof payload !== "string") return new AudioDataError(`${what} has no base64 audio string`, { dialect });
  try {
    return decodeBase64Audio(payload, encoding);
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^\[voxwire[^\]]*\]\s*/, "") : String(error);
    return new AudioDataError(`${what} is not ${encoding} audio in base64: ${why}`, { dialect, cause: error });
  }
}
