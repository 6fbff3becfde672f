export type { RecordedClear, RecordedMark, TwilioCallRecord } from "./call-record.js";
export { type DtmfPress, loadCallerWav, parseDtmfPress, toCallerRate } from "./caller-audio.js";
export { runTwilioSimulation, TWILIO_SIMULATE_USAGE } from "./cli.js";
export { simulateTwilioCall, type TwilioCall, type TwilioCallOptions } from "./twilio-call.js";
export { type PlaybackMode, TwilioPlayback } from "./twilio-playback.js";
