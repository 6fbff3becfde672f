// `@voxwire/plivo/testing`: the Plivo simulator (it dials an application's stream as Plivo does),
// the leg's conformance subjects, the codecs and the wire constants.
export { contentTypeOf, createPlivoCodec } from "../client-codec.js";
export { createPlivoPeerCodec } from "../peer-codec.js";
export {
  createPayloadCodec,
  DIALECT_NAME,
  PLIVO_CONTENT_TYPES,
  PLIVO_FRAME_MS,
  PLIVO_INBOUND_TRACK,
  PlivoCommand,
  PlivoEvent,
  parseExtraHeaders,
  streamContentType,
} from "../wire.js";
export { type PlivoCallOptions, simulatePlivoCall } from "./plivo-call.js";
export { plivo16kSubject, plivoSubject } from "./subject.js";
