export { createCallCodec } from "./client-codec.js";
export { OMNIA_CAPABILITIES, type OmniaCreateOptions, type OmniaJoinOptions, type OmniaOptions, omnia } from "./omnia.js";
export { createCallPeerCodec, words } from "./peer-codec.js";
export { TranscriptAccumulator, type TranscriptFields, type TranscriptRole } from "./transcript-accumulator.js";
export { readTranscriptFields } from "./transcript-message.js";
export { type UltravoxCreateOptions, type UltravoxJoinOptions, type UltravoxOptions, ultravox } from "./ultravox.js";
export {
  type CallBodyShape,
  type CallCreatePreset,
  type CallParameters,
  CallServerMessage,
  createCallBody,
  createCallPath,
  MAX_SAMPLE_RATE,
  MIN_SAMPLE_RATE,
  OMNIA_PRESET,
  ULTRAVOX_HANG_UP,
  ULTRAVOX_PRESET,
} from "./wire.js";
