// `@voxwire/exotel/testing`: the Exotel simulator (it dials an application's stream as the
// Voicebot applet does), the leg's conformance subject, the codecs and the wire constants.
export { createExotelCodec } from "../client-codec.js";
export { createExotelPeerCodec } from "../peer-codec.js";
export {
  createPayloadCodec,
  DIALECT_NAME,
  EXOTEL_CHUNK_MULTIPLE,
  EXOTEL_MAX_CHUNK,
  EXOTEL_MIN_CHUNK,
  EXOTEL_RATES,
  ExotelCommand,
  ExotelEvent,
  outFrameMs,
} from "../wire.js";
export { type ExotelCallOptions, simulateExotelCall } from "./exotel-call.js";
export { exotelSubject } from "./subject.js";
