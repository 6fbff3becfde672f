// `@voxwire/orbitali/testing`: the simulator's vendor front and the conformance subject, the
// codecs, the bootstrap pieces and the wire constants, for tests and the CLI.
export { bootstrapRequest, planFromAnswer, readBootstrapAnswer, readOrbitaliSession } from "../bootstrap.js";
export { createOrbitaliCodec } from "../client-codec.js";
export { ORBITALI_CLOSE_RULES, ORBITALI_HTTP_RULES } from "../close-rules.js";
export { createOrbitaliPeerCodec } from "../peer-codec.js";
export { isValidAgentId } from "../validate.js";
export {
  DIALECT_NAME,
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
} from "../wire.js";
export { ORBITALI_SAMPLE_AGENT, type OrbitaliFrontOptions, orbitaliFront } from "./front.js";
export { orbitaliSubject } from "./subject.js";
