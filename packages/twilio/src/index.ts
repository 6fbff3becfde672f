// `@voxwire/twilio`: the Twilio Media Streams leg (the dialect, TwiML, signatures, call control)
// and, re-exported from `@voxwire/phone` where they now live, the bridge, its pacing, ledger and
// server, so code written against this package keeps working. Wire constants and the simulator
// are in `@voxwire/twilio/testing`.
export {
  type AgentAudioHeard,
  type AgentSource,
  BatchedWebSocket,
  type BridgeAudio,
  type BridgeEndReason,
  type BridgeEvent,
  type BridgeEventOf,
  type BridgeEventType,
  type BridgeLeg,
  type BridgeListener,
  type BridgeOptions,
  type BridgeStats,
  batchSends,
  bridge,
  type CallContext,
  createSharedScheduler,
  createTimerScheduler,
  DEFAULT_LEAD_MS,
  DEFAULT_MARK_EVERY_MS,
  DEFAULT_MAX_BUFFER_MS,
  DEFAULT_PRECONNECT_BUFFER_MS,
  DEFAULT_TURN_GAP_MS,
  defaultPacingScheduler,
  FramePacer,
  type FramePacerOptions,
  type HangupHook,
  type HangupRequest,
  LEDGER_MARK_PREFIX,
  type PacingScheduler,
  type PhoneBridge,
  type PhoneBridgeServer,
  PlaybackLedger,
  type PlaybackLedgerOptions,
  parseMarkName,
  type SchedulerClock,
  type Tickable,
  type TransferHook,
  type TransferRequest,
  type TwilioCall,
} from "@voxwire/phone";
export { detectTwilio, type TwilioCarrierOptions, twilioCarrier, twilioShapedStart } from "./carrier.js";
export { createTwilioCodec } from "./client-codec.js";
export { createTwilioPeerCodec } from "./peer-codec.js";
export { type TransferTarget, type TwilioRestOptions, twilioHangupHook, twilioTransferHook, updateCall } from "./server/call-control.js";
export { createPhoneBridge, type PhoneBridgeServerOptions } from "./server/phone-server.js";
export { type TwilioParams, twilioSignature, validateTwilioSignature } from "./signature.js";
export { TWILIO_CAPABILITIES, TWILIO_WIRE_FORMAT, type TwilioOptions, twilio } from "./twilio.js";
export { type ConnectStreamOptions, connectStreamTwiml, dialTwiml, escapeXml } from "./twiml.js";
// The phone leg's audio, for matching an agent's rate; the other wire constants are in `./testing`.
export { TWILIO_FRAME_MS, TWILIO_SAMPLE_RATE, type TwilioStartDetails, type TwilioStreamIds } from "./wire.js";
