// `@voxwire/token-first/testing`: the simulator's vendor front and the conformance subject, the
// codecs, the bootstrap pieces and the wire constants, for tests and the CLI.
export { bootstrapRequest, planFromAnswer, readBootstrapAnswer, routeBootstrapRequest } from "../bootstrap.js";
export { createTokenFirstCodec } from "../client-codec.js";
export { isTokenRefusal, TOKEN_FIRST_CLOSE_RULES, TOKEN_FIRST_HTTP_RULES, vendorError } from "../close-rules.js";
export { createTokenFirstPeerCodec } from "../peer-codec.js";
export {
  DIALECT_NAME,
  TOKEN_FIRST_FRAME_BYTES,
  TOKEN_FIRST_FRAME_MS,
  TOKEN_FIRST_FRAME_SAMPLES,
  TOKEN_FIRST_SAMPLE_RATE,
  TOKEN_FRAME_NAME,
  TOKEN_PATH,
  TokenFirstClose,
  TokenFirstErrorCode,
  TokenFirstServerEvent,
  tokenFrame,
} from "../wire.js";
export { type TokenFirstFrontOptions, tokenFirstFront } from "./front.js";
export { tokenFirstSubject } from "./subject.js";
