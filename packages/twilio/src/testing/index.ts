// `@voxwire/twilio/testing`: the Twilio simulator (it dials an application's stream as Twilio
// does) and the phone leg's conformance subject, for tests, benchmarks and the CLI.
export type { RecordedClear, RecordedMark, TwilioCallRecord } from "./call-record.js";
export { loadCallerWav, parseDtmfPress, toCallerRate } from "./caller-audio.js";
export { twilioSubject } from "./subject.js";
export { simulateTwilioCall, type TwilioCall, type TwilioCallOptions } from "./twilio-call.js";
export { type PlaybackMode, TwilioPlayback } from "./twilio-playback.js";
