// `@voxwire/openai/testing`: what tests and the CLI need beyond the public API (the simulator's
// vendor front, the conformance subject, the codecs and the wire constants).
export { createOpenaiCodec } from "../client-codec.js";
export { OPENAI_CLOSE_RULES, OPENAI_HTTP_RULES } from "../close-rules.js";
export { createOpenaiPeerCodec } from "../peer-codec.js";
export { isSubprotocolSafe } from "../validate.js";
export {
  DIALECT_NAME,
  OPENAI_DEFAULT_BASE_URL,
  OPENAI_FRAME_MS,
  OPENAI_PATH,
  OPENAI_SAMPLE_RATE,
  OPENAI_SUBPROTOCOL_PREFIX,
  OpenaiClose,
  OpenaiServerEvent,
} from "../wire.js";
export { openaiFront } from "./front.js";
export { openaiSubject } from "./subject.js";
