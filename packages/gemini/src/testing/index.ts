// `@voxwire/gemini/testing`: what tests and the CLI need beyond the public API (the simulator's
// vendor front, the conformance subject, the codecs and the wire constants).
export { createGeminiCodec, type GeminiCodecConfig } from "../client-codec.js";
export { GEMINI_CLOSE_RULES, GEMINI_HTTP_RULES } from "../close-rules.js";
export { GEMINI_MAX_FRAME_BYTES, readMessage } from "../message.js";
export { createGeminiPeerCodec, GEMINI_OUTPUT_MIME } from "../peer-codec.js";
export { type GeminiResumeState, readResumeState } from "../resumption.js";
export { GEMINI_REST_BASE_URL, GEMINI_TOKEN_PATH, type MintGeminiTokenOptions, tokenRequest } from "../server/mint-token.js";
export { agentFromSetup, type GeminiSetup, modelResource, type SetupInput, setupFrame, setupObject } from "../setup.js";
export { GeminiTranscripts, readTranscription } from "../transcript.js";
export {
  DIALECT_NAME,
  decodePcmPayload,
  durationMs,
  durationText,
  GEMINI_API_VERSIONS,
  GEMINI_CONSTRAINED_METHOD,
  GEMINI_DEFAULT_BASE_URL,
  GEMINI_FRAME_MS,
  GEMINI_INPUT_MIME,
  GEMINI_INPUT_RATE,
  GEMINI_METHOD,
  GEMINI_OUTPUT_RATE,
  GEMINI_SAMPLE_MODEL,
  GEMINI_SERVER_MESSAGES,
  GEMINI_TOKEN_PREFIX,
  type GeminiApiVersion,
  GeminiClientMessage,
  GeminiClose,
  GeminiServerMessage,
  GeminiVadSignal,
  GeminiVoiceActivity,
  geminiPath,
  pcmRateOf,
  realtimeAudioFrame,
} from "../wire.js";
export { GEMINI_FRONT_CONNECTION_END, GEMINI_FRONT_REFUSALS, type GeminiFrontOptions, geminiFront } from "./front.js";
export { geminiSubject } from "./subject.js";
