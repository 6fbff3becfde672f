export { createOrbitaliCodec } from "./client-codec.js";
export { ORBITALI_CLOSE_RULES, ORBITALI_HTTP_RULES } from "./close-rules.js";
export { type CreateOrbitaliSessionOptions, createOrbitaliSession } from "./create-session.js";
export { ORBITALI_CAPABILITIES, type OrbitaliOptions, orbitali } from "./orbitali.js";
export { type OrbitaliAudioFormat, type OrbitaliSession, readOrbitaliSession } from "./orbitali-session.js";
export { createOrbitaliPeerCodec } from "./peer-codec.js";
export { planFromSession } from "./session-plan.js";
export { parseRealtimeSessionResponse, type RealtimeSessionRequestOptions, realtimeSessionRequest } from "./session-request.js";
export { createOrbitaliSessionRoute, type OrbitaliSessionRouteOptions } from "./session-route.js";
export { isValidAgentId } from "./validate.js";
export {
  ORBITALI_DEFAULT_BASE_URL,
  ORBITALI_ENCODING,
  ORBITALI_FRAME_MS,
  ORBITALI_LIVE_KEY_PREFIX,
  ORBITALI_TOKEN_CLOSE,
  ORBITALI_TOKEN_TTL_MS,
  OrbitaliClientMessage,
  OrbitaliServerMessage,
  OrbitaliTokenRefusal,
  realtimeSessionsPath,
} from "./wire.js";
