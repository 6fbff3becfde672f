// `@voxwire/telnyx`: the Telnyx media-streaming leg: the dialect, TeXML, the webhook signature,
// Call Control hang-up and transfer, and the leg for `@voxwire/phone`'s server. Wire constants,
// codecs and the Telnyx simulator are in `@voxwire/telnyx/testing`.
export { detectTelnyx, type TelnyxCarrierOptions, telnyxCarrier } from "./carrier.js";
export {
  type TelnyxRestOptions,
  type TelnyxTransferTarget,
  telnyxCallAction,
  telnyxHangupHook,
  telnyxTransferHook,
} from "./server/call-control.js";
export { TELNYX_SIGNATURE_TOLERANCE_S, telnyxPublicKey, validateTelnyxSignature } from "./signature.js";
export { TELNYX_CAPABILITIES, type TelnyxOptions, telnyx } from "./telnyx.js";
export { type TexmlStreamOptions, texmlStream } from "./texml.js";
export type { TelnyxCodec, TelnyxStreamIds } from "./wire.js";
