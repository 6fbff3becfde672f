export { createTokenFirstCodec } from "./client-codec.js";
export { TOKEN_FIRST_CLOSE_RULES } from "./close-rules.js";
export { createTokenFirstPeerCodec, TOKEN_FRAME_NAME } from "./peer-codec.js";
export { TOKEN_FIRST_CAPABILITIES, type TokenFirstOptions, tokenFirst } from "./token-first.js";
export { vendorTokenRequest } from "./token-request.js";
export { planForToken, readTokenResponse, type TokenResponse } from "./token-response.js";
export { createTokenRoute, type TokenRouteOptions } from "./token-route.js";
export { isTokenRefusal, vendorError } from "./vendor-error.js";
export {
  SESSION_ENDED_REASONS,
  type SessionEndedReason,
  TOKEN_FIRST_FRAME_BYTES,
  TOKEN_FIRST_FRAME_MS,
  TOKEN_FIRST_FRAME_SAMPLES,
  TOKEN_FIRST_SAMPLE_RATE,
  TOKEN_PATH,
  TokenFirstClose,
  TokenFirstErrorCode,
  TokenFirstServerEvent,
  tokenFrame,
} from "./wire.js";
