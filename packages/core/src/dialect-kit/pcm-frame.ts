import { pcm16FromBytes } from "../audio/pcm-bytes.js";
import type { PeerDecoded } from "../dialect/current.js";
import { AudioDataError } from "../errors/error-classes.js";
import type { ErrorEvent, InboundEvent } from "../events/inbound.js";
import { errorEvent } from "./error-event.js";

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

/** A client codec's reading of a binary PCM16 frame: the agent's audio, or the error. */
export function decodePcm16Chunk(frame: Uint8Array, sampleRate: number, dialect: string): InboundEvent {
  const audio = readPcm16Frame(frame, dialect);
  return audio instanceof Int16Array ? { type: "audio-chunk", audio, sampleRate, raw: frame } : audio;
}

/** A peer codec's reading of a binary PCM16 frame: the user's audio, or the error. */
export function decodePcm16Append(frame: Uint8Array, sampleRate: number, dialect: string): PeerDecoded {
  const audio = readPcm16Frame(frame, dialect);
  return audio instanceof Int16Array ? { type: "audio-append", audio, sampleRate } : audio;
}
