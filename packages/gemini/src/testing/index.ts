// `@voxwire/gemini/testing`: what tests and the CLI need beyond the public API (the simulator's
// vendor front, the conformance subject, the codecs and the wire constants).
export { createGeminiCodec } from "../client-codec.js";
export { GEMINI_CLOSE_RULES, GEMINI_HTTP_RULES } from "../close-rules.js";
export { createGeminiPeerCodec } from "../peer-codec.js";
export { isSubprotocolSafe } from "../validate.js";
export {
  DIALECT_NAME,
  GEMINI_DEFAULT_BASE_URL,
  GEMINI_FRAME_MS,
  GEMINI_PATH,
  GEMINI_SAMPLE_RATE,
  GEMINI_SUBPROTOCOL_PREFIX,
  GeminiClose,
  GeminiServerEvent,
} from "../wire.js";
export { geminiFront } from "./front.js";
export { geminiSubject } from "./subject.js";
