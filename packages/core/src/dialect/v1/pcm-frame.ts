import { AudioDataError } from "../../errors/error-classes.js";
import { errorEvent } from "../../errors/error-event.js";
import type { ErrorEvent } from "../../events/inbound.js";
import { pcm16FromBytes } from "../../audio/pcm-bytes.js";

/**
 * A binary frame as PCM16 samples, or the non-fatal `invalid_audio` error event for a frame that
 * cannot be PCM16 (an odd byte count). For every dialect that carries raw PCM in binary frames.
 */
export function readPcm16Frame(frame: Uint8Array, dialect: string): Int16Array | ErrorEvent {
  try {
    return pcm16FromBytes(frame);
  } catch (cause) {
    const error = new AudioDataError(`binary frame of ${frame.byteLength} bytes is not PCM16 (odd byte count); dropped`, { dialect, cause });
    return errorEvent(error, frame);
  }
}
