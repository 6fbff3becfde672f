// `@voxwire/openai/testing`: the simulator's vendor front and the conformance subject, the
// codecs and the wire constants, for tests and the CLI.
export { createOpenaiCodec } from "../client-codec.js";
export { OPENAI_CLOSE_RULES, OPENAI_HTTP_RULES } from "../close-rules.js";
export { createOpenaiPeerCodec } from "../peer-codec.js";
export { isTranscriptEvent, readTranscript, transcriptEventName } from "../transcript.js";
export { isSubprotocolSafe } from "../validate.js";
export {
  DIALECT_NAME,
  decodeAudioPayload,
  encodeAudioPayload,
  isOpenaiAudio,
  OPENAI_AUDIO,
  OPENAI_CLIENT_SECRET_PREFIX,
  OPENAI_DEFAULT_BASE_URL,
  OPENAI_FRAME_MS,
  OPENAI_KEY_SUBPROTOCOL_PREFIX,
  OPENAI_PATH,
  OPENAI_REALTIME_SUBPROTOCOL,
  OPENAI_SECRET_KEY_PREFIX,
  OPENAI_SERVER_EVENTS,
  type OpenaiAudio,
  type OpenaiAudioChoice,
  OpenaiClientEvent,
  OpenaiErrorCode,
  OpenaiServerEvent,
  type SessionConfig,
  sessionObject,
  sessionUpdateFrame,
} from "../wire.js";
export { OPENAI_FRONT_FORMAT_CLOSE, type OpenaiFrontOptions, openaiFront } from "./front.js";
export { OPENAI_SAMPLE_MODEL, openaiSubject } from "./subject.js";
