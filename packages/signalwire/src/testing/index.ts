// `@voxwire/signalwire/testing`: the leg's conformance subject. SignalWire speaks Twilio's wire,
// so its simulator is Twilio's (`simulateTwilioCall` in `@voxwire/twilio/testing`).
export { DIALECT_NAME, SIGNALWIRE_SIGNATURE_HEADER } from "../wire.js";
export { signalwireSubject } from "./subject.js";
