// `@voxwire/carriers`: every carrier leg voxwire has, on one phone bridge. The bridge itself is
// `@voxwire/phone`; each leg is its own package (`@voxwire/twilio`, `@voxwire/telnyx`, …).
export { CARRIER_NAMES, type CarrierName, type CarrierSettings, carrierLeg, isCarrierName, resolveCarriers } from "./carriers.js";
export { type CarrierBridgeOptions, createPhoneBridge, DEFAULT_DETECT_PATH } from "./phone-bridge.js";
