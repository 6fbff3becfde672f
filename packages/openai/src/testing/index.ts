// `@voxwire/openai/testing`: the simulator's vendor front and the conformance subject, the
// codecs and the wire constants, for tests and the CLI.
export { createOpenaiCodec } from "../client-codec.js";
export { OPENAI_CLOSE_RULES, OPENAI_HTTP_RULES } from "../close-rules.js";
export { createOpenaiPeerCodec } from "../peer-codec.js";
export {
  agentFromSession,
  mergeSession,
  type OpenaiCompat,
  type OpenaiSessionFields,
  openingSession,
  type SessionSettings,
  updatedSession,
} from "../session-config.js";
export { outputText, readItemCreate, textFrames, toolCallEvents, toolResultFrames } from "../tool-call.js";
export { isTranscriptEvent, readTranscript, transcriptEventName } from "../transcript.js";
export { isSubprotocolSafe } from "../validate.js";
export {
  AZURE_API_KEY_HEADER,
  AZURE_DEFAULT_API_VERSION,
  AZURE_PATH,
  betaEventName,
  DIALECT_NAME,
  decodeAudioPayload,
  encodeAudioPayload,
  isOpenaiAudio,
  OPENAI_AUDIO,
  OPENAI_BETA_EVENT_NAMES,
  OPENAI_CLIENT_SECRET_PREFIX,
  OPENAI_DEFAULT_BASE_URL,
  OPENAI_FRAME_MS,
  OPENAI_KEY_SUBPROTOCOL_PREFIX,
  OPENAI_MAX_SESSION_MS,
  OPENAI_PATH,
  OPENAI_REALTIME_SUBPROTOCOL,
  OPENAI_SECRET_KEY_PREFIX,
  OPENAI_SERVER_EVENTS,
  type OpenaiAudio,
  type OpenaiAudioChoice,
  OpenaiClientEvent,
  OpenaiErrorCode,
  OpenaiServerEvent,
} from "../wire.js";
export { OPENAI_FRONT_FORMAT_CLOSE, type OpenaiFrontOptions, openaiFront } from "./front.js";
export { OPENAI_SAMPLE_MODEL, openaiSubject } from "./subject.js";
export { toolCallFrames } from "./tool-call-frames.js";
