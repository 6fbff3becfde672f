// `@voxwire/omni/testing`: what tests, benchmarks and the CLI need beyond the public API (the
// simulator's vendor front, the conformance subject, the codecs, and the wire constants a raw
// test client speaks).
export { createOmniCodec } from "../client-codec.js";
export { OMNI_CLOSE_RULES, OMNI_HTTP_RULES } from "../close-rules.js";
export { createOmniPeerCodec } from "../peer-codec.js";
export { isSubprotocolSafe, isValidAgentId } from "../validate.js";
export {
  DIALECT_NAME,
  dtmfFrame,
  OMNI_DEFAULT_BASE_URL,
  OMNI_FORMAT,
  OMNI_FRAME_MS,
  OMNI_LIVE_KEY_PREFIX,
  OMNI_PATH,
  OMNI_RATES,
  OMNI_SESSION_SCOPE,
  OMNI_SUBPROTOCOL_PREFIX,
  OMNI_TRANSCRIPT_FINAL,
  OMNI_TRANSCRIPT_PARTIAL,
  OmniClose,
  OmniServerEvent,
  OmniVendorCode,
  parseDtmf,
} from "../wire.js";
export { omniFront } from "./front.js";
export { OMNI_SAMPLE_AGENT, omniSubject } from "./subject.js";
