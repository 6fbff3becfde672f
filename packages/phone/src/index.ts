// `@voxwire/phone`: the carrier-neutral phone bridge. A carrier leg (a server-role dialect, its
// answer document and its signature check: `@voxwire/twilio`, …) on one side, any voxwire agent
// on the other; pacing, the heard-audio ledger, barge-in, DTMF, call-control hooks and the server.
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
export type {
  BridgeCloseReason,
  BridgeEndReason,
  BridgeEvent,
  BridgeEventOf,
  BridgeEventType,
  BridgeLeg,
  BridgeListener,
  PhoneCall,
  TwilioCall,
} from "./bridge-events.js";
export {
  type CallContext,
  callIdOf,
  type HangupHook,
  type HangupRequest,
  type TransferHook,
  type TransferRequest,
} from "./call-control.js";
export {
  type AnswerContext,
  type AnswerDocument,
  type CarrierLeg,
  type CarrierRequest,
  type CarrierRoute,
  type DetectInput,
  type Detection,
  type FlowSignal,
  jsonFrame,
} from "./carrier.js";
export { EstimatedPlayback } from "./estimated-playback.js";
export { FramePacer, type FramePacerOptions } from "./frame-pacer.js";
export {
  type BridgeMetrics,
  type BridgeMetricsOptions,
  bridgeMetrics,
  clusterMetricsHandler,
  METRICS_PREFIX,
  metricsHandler,
} from "./observe/bridge-metrics.js";
export type { BridgeTap, TapCall, TapContext } from "./observe/bridge-tap.js";
export { type CallRecording, type CallRecordingOptions, DEFAULT_MAX_PENDING_BYTES } from "./observe/call-recorder.js";
export { TRACER_NAME } from "./observe/call-tracing.js";
export { CallerVoice, type CallerVoiceOptions, DEFAULT_HANGOVER_MS, DEFAULT_VOICE_RMS } from "./observe/caller-voice.js";
export type { ObserveOptions } from "./observe/observe-bridge.js";
export { fileSink, type RecordingSink } from "./observe/recording-sink.js";
export type { StopSource } from "./observe/response-latency.js";
export type { SilenceInfo, SilenceWatchdogOptions } from "./observe/silence-watchdog.js";
export { parseWav, type WavCue } from "./observe/wav-writer.js";
export {
  createSharedScheduler,
  createTimerScheduler,
  defaultPacingScheduler,
  type PacingScheduler,
  type SchedulerClock,
  type Tickable,
} from "./pacing-scheduler.js";
export { phoneCallFromStart } from "./phone-call.js";
export {
  type AgentAudioHeard,
  type HeardSource,
  LEDGER_MARK_PREFIX,
  PlaybackLedger,
  type PlaybackLedgerOptions,
  parseMarkName,
} from "./playback-ledger.js";
export { type RestRequest, type RestTransport, restCall } from "./rest-call.js";
export { createPhoneBridgeHandler, type PhoneBridgeHandler } from "./server/bridge-handler.js";
export type { Readiness, Refusal } from "./server/call-admission.js";
export { legVerifies } from "./server/carrier-verification.js";
export { detectCarrier } from "./server/detect-carrier.js";
export { DEFAULT_DRAIN_TIMEOUT_MS, type DrainOptions, type DrainResult } from "./server/drain.js";
export type { PhoneBridgeHandlerOptions } from "./server/handler-options.js";
export type { HttpRoute } from "./server/ops-routes.js";
export { createPhoneBridge, type PhoneBridgeServer, type PhoneServerOptions } from "./server/phone-server.js";
export {
  onWorkerPoolStop,
  startWorkerPool,
  tellWorkerPool,
  type WorkerMessage,
  type WorkerPool,
  type WorkerPoolOptions,
  workerCount,
} from "./server/worker-pool.js";
