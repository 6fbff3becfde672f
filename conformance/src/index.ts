export { joinSamples, silence, sine, TONE_HZ } from "./audio/test-signals.js";
export { toneFrequency, zeroCrossingHz } from "./audio/tone-frequency.js";
export type { ClientTarget } from "./client-target.js";
export {
  checkGoldenFile,
  GOLDEN_BASE_URL,
  GOLDEN_KEY,
  type GoldenFileReport,
  type GoldenLineResult,
  type GoldenSubject,
} from "./golden/check-golden.js";
export { checkGoldens } from "./golden/check-goldens.js";
export { compareEvents, eventFromJson, eventToJson, type GoldenEventJson, type WireEvent } from "./golden/golden-event.js";
export { compareFrames, frameFromJson, frameToJson, type GoldenFrameJson } from "./golden/golden-frame.js";
export { type GoldenHeader, type GoldenLine, goldenHeaderSchema, goldenLineSchema } from "./golden/golden-line.js";
export { type GoldenEntry, type GoldenFile, GoldenFormatError, goldenPaths, goldenRoot, parseGolden, readGolden } from "./golden/read-golden.js";
export type { AuthRefusal } from "./live/auth-refusal.js";
export type { CarrierCall, CarrierCallOptions, CarrierCallRecord, DtmfPress } from "./live/carrier-call.js";
export {
  CONFORMANCE_AGENT,
  CONFORMANCE_TEXT,
  CONFORMANCE_TOOL,
  CONFORMANCE_TOOL_CALL,
  CONFORMANCE_TOOL_OUTPUT,
  conformanceScript,
  conformanceScriptFor,
  conformanceToolAnswer,
  declaredCapabilities,
} from "./live/conformance-agent.js";
export { type ConformanceSubject, type PhoneLegAudio, type PhoneLegSubject, type SocketTarget, TWILIO_LIKE_AUDIO } from "./live/live-subject.js";
export { runPhoneLeg } from "./live/phone-leg.js";
export { PROBE_KEY, type ProbeAttempt, type ProbeOptions, type ProbeReport, type ProbeVerdict, probe } from "./live/probe.js";
export { probeSocket } from "./live/probe-socket.js";
export { type Recording, type RecordOptions, recordSession } from "./live/record-session.js";
export { DEFAULT_STEP_MS, type RunOptions, runConformance, scenarioIds } from "./live/run-conformance.js";
export { type CatalogEntry, PHONE_LEG_CATALOG, SCENARIO_CATALOG } from "./live/scenario-catalog.js";
export {
  type DialectReport,
  type Measured,
  type ScenarioResult,
  type ScenarioStatus,
  type Spectrum,
  type Tally,
  type TimelineEntry,
  type TimelineKind,
  tally,
} from "./live/scenario-result.js";
export { APP_RATE, speech } from "./live/test-audio.js";
export { type TappedFrame, type TappedHttp, WireTap } from "./live/wire-tap.js";
export { AGENT_FRAME_MS, type AgentClip, ClipLibrary, type SessionClip } from "./simulator/clip-library.js";
export { EnergyVad, VAD_HANGOVER_MS, VAD_ONSET_MS, VAD_THRESHOLD_DBFS, VAD_WINDOW_MS } from "./simulator/energy-vad.js";
export {
  describeFrontOptions,
  type FrontOptionSpec,
  type FrontOptions,
  type FrontOptionValue,
  parseFrontOptions,
} from "./simulator/front-options.js";
export { rejectUpgrade, sendJson } from "./simulator/http-reply.js";
export { type AgentActivity, type AgentScript, TRANSFER_DIGIT } from "./simulator/scripted-agent.js";
export type { RecordedCommand, SessionRecord } from "./simulator/session-record.js";
export { GENERIC_MALFORMED_FRAMES, SHUTDOWN_CLOSE, SimSession, type SimulatorFaults } from "./simulator/sim-session.js";
export { DEFAULT_SIMULATOR_KEY, type Simulator, type SimulatorOptions, startSimulator } from "./simulator/start-simulator.js";
export { measureTone, ToneMeter } from "./simulator/tone-meter.js";
export type {
  FrontConnection,
  FrontContext,
  FrontLink,
  HandshakeStep,
  KeyVerdict,
  UpgradeContext,
  UpgradeDecision,
  VendorFront,
} from "./simulator/vendor-front.js";
export { parseWavPcm16, type WavPcm16, writeWavPcm16 } from "./simulator/wav.js";
