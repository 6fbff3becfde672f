// `@voxwire/deepgram/testing`: what tests and the CLI need beyond the public API (the simulator's
// vendor front, the conformance subject, the codecs and the wire constants).
export { createDeepgramCodec } from "../client-codec.js";
export { DEEPGRAM_CLOSE_RULES, DEEPGRAM_HTTP_RULES } from "../close-rules.js";
export { createDeepgramPeerCodec } from "../peer-codec.js";
export { isSubprotocolSafe } from "../validate.js";
export {
  DEEPGRAM_DEFAULT_BASE_URL,
  DEEPGRAM_FRAME_MS,
  DEEPGRAM_PATH,
  DEEPGRAM_SAMPLE_RATE,
  DEEPGRAM_SUBPROTOCOL_PREFIX,
  DeepgramClose,
  DeepgramServerEvent,
  DIALECT_NAME,
} from "../wire.js";
export { deepgramFront } from "./front.js";
export { deepgramSubject } from "./subject.js";
