// `@voxwire/elevenlabs/testing`: what tests and the CLI need beyond the public API (the simulator's
// vendor front, the conformance subject, the codecs and the wire constants).
export { createElevenlabsCodec, type ElevenlabsCodecOptions } from "../client-codec.js";
export { ELEVENLABS_CLOSE_RULES, ELEVENLABS_HTTP_RULES } from "../close-rules.js";
export { agentFromInitiation, initiationFor, languageCode } from "../initiation.js";
export { createElevenlabsPeerCodec, type ElevenlabsPeerCodec } from "../peer-codec.js";
export {
  DIALECT_NAME,
  ELEVENLABS_AUDIO_FORMATS,
  ELEVENLABS_CONVERSATION_PATH,
  ELEVENLABS_DEFAULT_BASE_URL,
  ELEVENLABS_FRAME_MS,
  ELEVENLABS_SERVER_EVENTS,
  ELEVENLABS_SIGNED_URL_PATH,
  ELEVENLABS_SUBPROTOCOL,
  type ElevenlabsAudioFormat,
  ElevenlabsClientEvent,
  ElevenlabsClose,
  type ElevenlabsConfigOverride,
  type ElevenlabsInitiation,
  ElevenlabsServerEvent,
  wireFormatOf,
} from "../wire.js";
export { ELEVENLABS_PING_TIMEOUT_CLOSE, type ElevenlabsFrontOptions, elevenlabsFront } from "./front.js";
export { ELEVENLABS_SAMPLE_AGENT, elevenlabsSubject } from "./subject.js";
