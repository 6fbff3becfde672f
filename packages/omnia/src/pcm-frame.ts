import { AudioDataError, type ErrorEvent, errorEvent, pcm16FromBytes } from "@voxwire/core";

/** A binary frame as PCM16 samples, or the non-fatal error event for one with an odd byte count. */
export function readPcmFrame(frame: Uint8Array, dialect: string): Int16Array | ErrorEvent {
  try {
    return pcm16FromBytes(frame);
  } catch (cause) {
    return errorEvent(new AudioDataError(`binary frame of ${frame.byteLength} bytes is not PCM16 (odd byte count); dropped`, { dialect, cause }), frame);
  }
}
