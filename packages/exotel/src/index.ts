// `@voxwire/exotel`: the Exotel AgentStream leg (Voicebot applet): the dialect and the leg for
// `@voxwire/phone`'s server. Wire constants, codecs and the Exotel simulator are in `@voxwire/exotel/testing`.
export { detectExotel, type ExotelCarrierOptions, exotelCarrier } from "./carrier.js";
export { EXOTEL_CAPABILITIES, type ExotelOptions, exotel } from "./exotel.js";
export type { ExotelStreamIds } from "./wire.js";
