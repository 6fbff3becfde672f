import { AudioDataError, type ErrorEvent, errorEvent, pcm16FromBytes } from "@voxwire/core";

/** A binary frame as PCM16 samples, or the non-fatal error event for one that is not (odd byte count). */
export function readPcmFrame(frame: Uint8Array): Int16Array | ErrorEvent {
  try {
    return pcm16FromBytes(frame);
  } catch (cause) {
    const error = new AudioDataError(`binary frame of ${frame.byteLength} bytes is not PCM16 (odd byte count); dropped`, {
      dialect: "token-first",
      cause,
    });
    return errorEvent(error, frame);
  }
}
