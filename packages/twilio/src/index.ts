// `@voxwire/twilio`: the Media Streams dialect, the phone bridge and its server, TwiML, signatures
// and call control. Wire constants and the simulator are in `@voxwire/twilio/testing`.
export { BatchedWebSocket, batchSends } from "./batched-sends.js";
export {
  type AgentSource,
  type BridgeAudio,
  type BridgeOptions,
  type BridgeStats,
  bridge,
  DEFAULT_LEAD_MS,
  DEFAULT_MARK_EVERY_MS,
  DEFAULT_MAX_BUFFER_MS,
  DEFAULT_PRECONNECT_BUFFER_MS,
  DEFAULT_TURN_GAP_MS,
  type PhoneBridge,
} from "./bridge.js";
export type { BridgeEndReason, BridgeEvent, BridgeEventOf, BridgeEventType, BridgeLeg, BridgeListener, TwilioCall } from "./bridge-events.js";
export { createTwilioCodec } from "./client-codec.js";
export { FramePacer, type FramePacerOptions } from "./frame-pacer.js";
export {
  createSharedScheduler,
  createTimerScheduler,
  defaultPacingScheduler,
  type PacingScheduler,
  type SchedulerClock,
  type Tickable,
} from "./pacing-scheduler.js";
export { createTwilioPeerCodec } from "./peer-codec.js";
export { type AgentAudioHeard, LEDGER_MARK_PREFIX, PlaybackLedger, type PlaybackLedgerOptions, parseMarkName } from "./playback-ledger.js";
export {
  type CallContext,
  type HangupHook,
  type HangupRequest,
  type TransferHook,
  type TransferRequest,
  type TransferTarget,
  type TwilioRestOptions,
  twilioHangupHook,
  twilioTransferHook,
  updateCall,
} from "./server/call-control.js";
export { createPhoneBridge, type PhoneBridgeServer, type PhoneBridgeServerOptions } from "./server/phone-server.js";
export { type TwilioParams, twilioSignature, validateTwilioSignature } from "./signature.js";
export { TWILIO_CAPABILITIES, TWILIO_WIRE_FORMAT, type TwilioOptions, twilio } from "./twilio.js";
export { type ConnectStreamOptions, connectStreamTwiml, dialTwiml, escapeXml } from "./twiml.js";
// The phone leg's audio, for matching an agent's rate; the other wire constants are in `./testing`.
export { TWILIO_FRAME_MS, TWILIO_SAMPLE_RATE, type TwilioStartDetails, type TwilioStreamIds } from "./wire.js";
