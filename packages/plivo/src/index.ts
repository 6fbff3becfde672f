// `@voxwire/plivo`: the Plivo Audio Streams leg: the dialect, the `<Stream>` XML, the V3
// signature, REST hang-up and transfer, and the leg for `@voxwire/phone`'s server. Wire
// constants, codecs and the Plivo simulator are in `@voxwire/plivo/testing`.
export { detectPlivo, type PlivoCarrierOptions, plivoCarrier } from "./carrier.js";
export { PLIVO_CAPABILITIES, type PlivoOptions, plivo } from "./plivo.js";
export { type PlivoRestOptions, type PlivoTransferTarget, plivoCallRequest, plivoHangupHook, plivoTransferHook } from "./server/call-control.js";
export { plivoSignature, plivoSignedUrl, validatePlivoSignature } from "./signature.js";
export { type PlivoStreamOptions, plivoStreamXml } from "./stream-xml.js";
export type { PlivoContentType, PlivoStreamIds } from "./wire.js";
