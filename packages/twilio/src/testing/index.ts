// `@voxwire/twilio/testing`: the Twilio simulator (it dials an application's stream as Twilio
// does), the phone leg's conformance subject, and the wire constants, for tests, benchmarks and
// the CLI.

export {
  DIALECT_NAME,
  MULAW_BYTES_PER_MS,
  TWILIO_DTMF_TRACK,
  TWILIO_FRAME_BYTES,
  TWILIO_INBOUND_TRACK,
  TWILIO_MEDIA_FORMAT,
  TWILIO_PROTOCOL,
  TWILIO_STOP_REASON,
  TwilioCommand,
  TwilioEvent,
} from "../wire.js";
export type { RecordedClear, RecordedMark, TwilioCallRecord } from "./call-record.js";
export { loadCallerWav, parseDtmfPress, toCallerRate } from "./caller-audio.js";
export { twilioSubject } from "./subject.js";
export { simulateTwilioCall, type TwilioCall, type TwilioCallOptions } from "./twilio-call.js";
export { type PlaybackMode, TwilioPlayback } from "./twilio-playback.js";
