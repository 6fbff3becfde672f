import {
  AudioDataError,
  base64Encode,
  createResampler,
  mulawEncode,
  pcm16ToBytes,
  type Resampler,
  readBase64Audio,
  type WireAudioFormat,
} from "@voxwire/core";
import { DIALECT_NAME } from "./wire.js";

/*
 * The session's audio formats are fixed when it is planned (the `audio` option), but an
 * ElevenLabs agent states its own only in `conversation_initiation_metadata`. When the two differ
 * in rate or encoding, the codec converts between them here: μ-law/PCM16 and a streaming resampler
 * per direction (state carried across chunks, none created when the rates are equal).
 */

/** One direction's conversion between the planned format and the agent's. */
export interface AudioLeg {
  /** The agent's format on the wire. */
  readonly wire: WireAudioFormat;
  /** The planned format the session runs. */
  readonly planned: WireAudioFormat;
}

/** Agent audio: base64 in the agent's format → PCM16 at the planned rate. Bad base64 or odd PCM16 is an `AudioDataError`, returned. */
export function createAudioDecoder(leg: AudioLeg): (payload: unknown, what: string) => Int16Array | AudioDataError {
  const resampler = resamplerFor(leg.wire.sampleRate, leg.planned.sampleRate);
  return (payload, what) => {
    const samples = readBase64Audio(payload, leg.wire.encoding, what, DIALECT_NAME);
    if (samples instanceof AudioDataError) return samples;
    return resampler ? resampler.push(samples) : samples;
  };
}

/** User audio: PCM16 at the planned rate → base64 in the agent's format. */
export function createAudioEncoder(leg: AudioLeg): (samples: Int16Array) => string {
  const resampler = resamplerFor(leg.planned.sampleRate, leg.wire.sampleRate);
  let scratch = new Uint8Array(0);
  return (samples) => {
    const at = resampler ? resampler.push(samples) : samples;
    if (leg.wire.encoding !== "mulaw") return base64Encode(pcm16ToBytes(at));
    if (scratch.length < at.length) scratch = new Uint8Array(at.length);
    return base64Encode(mulawEncode(at, scratch));
  };
}

function resamplerFor(from: number, to: number): Resampler<"int16"> | undefined {
  return from === to ? undefined : createResampler(from, to, { output: "int16" });
}

/** `pcm16 @ 16000 Hz`, for messages. */
export const describeFormat = (format: WireAudioFormat): string => `${format.encoding} @ ${format.sampleRate} Hz`;
