// `@voxwire/asterisk`: the Asterisk `chan_websocket` leg, both ways: Asterisk dials us
// (`asterisk()`, `asteriskCarrier()` for `@voxwire/phone`'s server) or we dial Asterisk
// (`asteriskClient()`, `dialAsterisk()`). Wire constants, codecs and the Asterisk simulator are in
// `@voxwire/asterisk/testing`.
export { ASTERISK_CAPABILITIES, type AsteriskClientOptions, type AsteriskOptions, asterisk, asteriskClient, asteriskFlowSignal } from "./asterisk.js";
export { type AsteriskCarrierOptions, asteriskCarrier, detectAsterisk } from "./carrier.js";
export { type DialAsteriskOptions, dialAsterisk } from "./server/dial-asterisk.js";
export type { AsteriskFormat } from "./wire.js";
