// `@voxwire/telnyx/testing`: the Telnyx simulator (it dials an application's stream as Telnyx
// does), the leg's conformance subjects, the codecs and the wire constants.
export { codecOf, createTelnyxCodec } from "../client-codec.js";
export { createTelnyxPeerCodec } from "../peer-codec.js";
export { ChunkReorder } from "../reorder.js";
export {
  createPayloadCodec,
  DIALECT_NAME,
  TELNYX_CODECS,
  TELNYX_FRAME_MS,
  TELNYX_INBOUND_TRACK,
  TELNYX_L16_RATES,
  TELNYX_PROTOCOL,
  TELNYX_REORDER_WINDOW,
  TELNYX_STOP_REASON,
  TelnyxCommand,
  TelnyxEvent,
} from "../wire.js";
export { telnyxL16Subject, telnyxSubject } from "./subject.js";
export { simulateTelnyxCall, type TelnyxCallOptions } from "./telnyx-call.js";
