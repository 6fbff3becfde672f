export { DIALECTS, type DialectEntry, OMNI_SAMPLE_AGENT, PHONE_LEGS, type PhoneLegEntry, dialectEntry, simulatorFront } from "./dialects.js";
export { DEFAULT_SIMULATOR_KEY, type Simulator, type SimulatorOptions, startSimulator } from "./simulator/start-simulator.js";
export { GENERIC_MALFORMED_FRAMES, SHUTDOWN_CLOSE, SimSession, type SimulatorFaults } from "./simulator/sim-session.js";
export type { RecordedCommand, SessionRecord } from "./simulator/session-record.js";
export type {
  FrontConnection,
  FrontContext,
  HandshakeStep,
  KeyVerdict,
  UpgradeContext,
  UpgradeDecision,
  VendorFront,
} from "./simulator/vendor-front.js";
export { rejectUpgrade, sendJson } from "./simulator/http-reply.js";
export { AGENT_FRAME_MS, type AgentClip, ClipLibrary, type SessionClip } from "./simulator/clip-library.js";
export { VAD_HANGOVER_MS, VAD_ONSET_MS, VAD_THRESHOLD_DBFS, VAD_WINDOW_MS } from "./simulator/energy-vad.js";
export { TRANSFER_DIGIT, type AgentActivity } from "./simulator/scripted-agent.js";
export { omniFront } from "./simulator/fronts/omni-front.js";
export type { ClientTarget } from "./client-target.js";
export { type FrontOptionSpec, type FrontOptionValue, type FrontOptions, parseFrontOptions } from "./simulator/front-options.js";
export { ToneMeter, measureTone } from "./simulator/tone-meter.js";
export { TONE_HZ, joinSamples, silence, sine } from "./audio/test-signals.js";
export { toneFrequency, zeroCrossingHz } from "./audio/tone-frequency.js";
export { type GoldenEventJson, type WireEvent, compareEvents, eventFromJson, eventToJson } from "./golden/golden-event.js";
export { type GoldenFrameJson, compareFrames, frameFromJson, frameToJson } from "./golden/golden-frame.js";
export { type GoldenHeader, type GoldenLine, goldenHeaderSchema, goldenLineSchema } from "./golden/golden-line.js";
export { type GoldenEntry, type GoldenFile, GoldenFormatError, goldenPaths, goldenRoot, parseGolden, readGolden } from "./golden/read-golden.js";
export { GOLDEN_BASE_URL, GOLDEN_KEY, type GoldenFileReport, type GoldenLineResult, type GoldenSubject, checkGoldenFile } from "./golden/check-golden.js";
export { checkGoldens } from "./golden/check-goldens.js";
export type { AuthRefusal } from "./live/auth-refusal.js";
export type { ConformanceSubject, PhoneLegSubject } from "./live/live-subject.js";
export { type CatalogEntry, PHONE_LEG_CATALOG, SCENARIO_CATALOG } from "./live/scenario-catalog.js";
export { runPhoneLeg } from "./live/phone-leg.js";
export { PROBE_KEY, type ProbeAttempt, type ProbeReport, type ProbeVerdict, probe } from "./live/probe.js";
export { type RecordOptions, type Recording, recordSession } from "./live/record-session.js";
export { type DialectReport, type Measured, type ScenarioResult, type ScenarioStatus, type Tally, tally } from "./live/scenario-result.js";
export { DEFAULT_STEP_MS, type RunOptions, runConformance, scenarioIds } from "./live/run-conformance.js";
export { WireTap, type TappedFrame, type TappedHttp } from "./live/wire-tap.js";
