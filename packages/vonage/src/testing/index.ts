// `@voxwire/vonage/testing`: the Vonage simulator (it dials an application's socket as Vonage
// does), the leg's conformance subjects, the codecs and the wire constants.
export { createVonageCodec } from "../client-codec.js";
export { createVonagePeerCodec } from "../peer-codec.js";
export {
  contentType,
  DIALECT_NAME,
  pcmBytes,
  pcmSamples,
  rateOf,
  VONAGE_CALL_HEADER,
  VONAGE_CONVERSATION_HEADER,
  VONAGE_FRAME_MS,
  VONAGE_MAX_BUFFERED_MESSAGES,
  VONAGE_RATES,
  VonageAction,
  VonageEvent,
} from "../wire.js";
export { vonage8kSubject, vonageSubject } from "./subject.js";
export { simulateVonageCall, type VonageCallOptions } from "./vonage-call.js";
