export { createOmniCodec } from "./client-codec.js";
export { OMNI_CLOSE_RULES, OMNI_HTTP_RULES } from "./close-rules.js";
export { OMNI_CAPABILITIES, type OmniOptions, omni } from "./omni.js";
export { createOmniPeerCodec } from "./peer-codec.js";
export { isSubprotocolSafe, isValidAgentId } from "./validate.js";
export {
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
  type OmniRate,
  OmniServerEvent,
  OmniVendorCode,
  parseDtmf,
} from "./wire.js";
