// `@voxwire/omnia/testing`: the simulator's vendor front and the conformance subjects (Omnia and
// the Ultravox preset), the codecs, and the wire constants, for tests and the CLI.
export { type CodecExtras, createOmniaCodec } from "../client-codec.js";
export { OMNIA_CLOSE_RULES, OMNIA_HTTP_RULES } from "../close-rules.js";
export { createOmniaPeerCodec, type PeerExtras, words } from "../peer-codec.js";
export { readTranscriptFields } from "../transcript.js";
export {
  type CallParameters,
  CallServerMessage,
  createCallBody,
  createCallPath,
  DIALECT_NAME,
  MAX_SAMPLE_RATE,
  MIN_SAMPLE_RATE,
  ULTRAVOX_HANG_UP,
  ULTRAVOX_TOOL_FAILED,
  ULTRAVOX_TOOL_RESPONSE,
  UltravoxMessage,
} from "../wire.js";
export { OMNIA_SAMPLE_AGENT, type OmniaFrontOptions, omniaFront } from "./front.js";
export { omniaSubject, ultravoxSubject } from "./subject.js";
