// `@voxwire/vonage`: the Vonage Voice API WebSocket leg: the dialect, the NCCO, signed webhooks,
// Voice API hang-up and transfer, and the leg for `@voxwire/phone`'s server. Wire constants,
// codecs and the Vonage simulator are in `@voxwire/vonage/testing`.
export { detectVonage, type VonageCarrierOptions, vonageCarrier } from "./carrier.js";
export { type ConnectNccoOptions, connectNcco } from "./ncco.js";
export {
  updateVonageCall,
  type VonageRestOptions,
  type VonageTransferTarget,
  vonageApplicationJwt,
  vonageHangupHook,
  vonageTransferHook,
} from "./server/call-control.js";
export { VONAGE_SIGNATURE_TOLERANCE_S, validateVonageSignature } from "./signature.js";
export { VONAGE_CAPABILITIES, type VonageOptions, vonage } from "./vonage.js";
