// `@voxwire/phone/testing`: the carrier-simulator engine every leg's `./testing` entry builds its
// simulator on (the leg gives its peer codec and its habits), and the record it keeps.
export {
  type CarrierSpec,
  carrierCallOnSocket,
  type SimulatedCallOptions,
  type SimulatedCarrierCall,
  simulateCarrierCall,
} from "./carrier-call.js";
export { CarrierPlayback, type PlaybackMode, type PlaybackOptions } from "./carrier-playback.js";
export { type CarrierCallRecord, emptyRecord, type RecordedClear, type RecordedMark } from "./carrier-record.js";
