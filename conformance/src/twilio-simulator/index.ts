export { type TwilioCall, type TwilioCallOptions, simulateTwilioCall } from "./twilio-call.js";
export type { RecordedClear, RecordedMark, TwilioCallRecord } from "./call-record.js";
export { type PlaybackMode, TwilioPlayback } from "./twilio-playback.js";
export { type DtmfPress, loadCallerWav, parseDtmfPress, toCallerRate } from "./caller-audio.js";
export { TWILIO_SIMULATE_USAGE, runTwilioSimulation } from "./cli.js";
