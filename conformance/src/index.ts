export { type ClientTarget, DIALECTS, type DialectEntry, OMNI_SAMPLE_AGENT, dialectEntry, simulatorFront } from "./dialects.js";
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
