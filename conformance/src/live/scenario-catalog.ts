import type { DialectCapabilities } from "@voxwire/core";

/** A live scenario's name and the capabilities it needs; the scenario itself (with its I/O) lives in scenarios/. */
export interface CatalogEntry {
  readonly id: string;
  readonly title: string;
  /** Why a dialect with these capabilities skips it, or undefined. */
  readonly skipFor?: (capabilities: DialectCapabilities) => string | undefined;
}

const needs =
  (why: string, has: (c: DialectCapabilities) => boolean) =>
  (c: DialectCapabilities): string | undefined =>
    has(c) ? undefined : why;

/** Every live scenario, in run order: the CLI's `--only` ids and the shared suite's test names. */
export const SCENARIO_CATALOG: readonly CatalogEntry[] = [
  { id: "bootstrap", title: "bootstrap and auth" },
  { id: "bad-credential", title: "a bad credential is refused as documented" },
  { id: "audio", title: "audio round trip: frame sizes, pacing, rate from a tone" },
  { id: "barge-in", title: "barge-in latency", skipFor: needs("the dialect declares no barge-in (bargeIn: false)", (c) => c.bargeIn) },
  { id: "transcripts", title: "transcript shape", skipFor: needs("the dialect declares no transcripts (transcripts: false)", (c) => c.transcripts) },
  { id: "agent-state", title: "agent state", skipFor: needs("the dialect declares no agent state (agentState: false)", (c) => c.agentState) },
  { id: "dtmf", title: "DTMF", skipFor: needs("the dialect declares no DTMF (dtmfIn, dtmfOut: false)", (c) => c.dtmfIn || c.dtmfOut) },
  { id: "transfer", title: "transfer to a human", skipFor: needs("the dialect declares no transfer (transfer: false)", (c) => c.transfer) },
  {
    id: "tool-call",
    title: "a tool call is answered and the agent speaks again",
    skipFor: needs("the dialect declares no tool calls (toolCalls: false)", (c) => c.toolCalls),
  },
  {
    id: "text-in",
    title: "typed text reaches the agent",
    skipFor: needs("the dialect declares no text input (textInput: false)", (c) => c.textInput),
  },
  {
    id: "truncation",
    title: "the vendor is told how much of a cut turn was heard",
    skipFor: (c) =>
      !c.truncation
        ? "the dialect declares no truncation (truncation: false)"
        : !c.turnIds
          ? "the dialect names no turns (turnIds: false), so a cut turn cannot be reported"
          : undefined,
  },
  {
    id: "session-config",
    title: "the agent option reaches the vendor",
    skipFor: needs("the dialect declares no session configuration (sessionConfig: false)", (c) => c.sessionConfig),
  },
  {
    id: "keepalive",
    title: "keepalive on schedule, none while audio flows where idle-only",
    skipFor: (c) => (c.bootstrap ? "the plan comes from a bootstrap call: its codec's keepalive cannot be read before dialing" : undefined),
  },
  { id: "close", title: "clean close" },
];

/** The catalog entry for `id` (a scenario file spreads it into its Scenario). */
export function catalogEntry(id: string): CatalogEntry {
  const entry = SCENARIO_CATALOG.find((e) => e.id === id);
  if (!entry) throw new Error(`no scenario "${id}" in the catalog`);
  return entry;
}

/**
 * The phone leg's scenarios (a dialect its carrier dials: the Twilio leg against the Twilio
 * simulator), in run order. The capabilities of such a leg are clearing the carrier's queue,
 * marks and keypad digits in.
 */
export const PHONE_LEG_CATALOG: readonly CatalogEntry[] = [
  { id: "bootstrap", title: "the stream starts" },
  { id: "bad-credential", title: "a bad credential is refused as documented" },
  { id: "audio", title: "audio both ways: 20 ms frames, rate from a tone each way" },
  {
    id: "marks",
    title: "a mark comes back once its audio has played",
    skipFor: needs("the dialect declares no marks (marks: false)", (c) => c.marks),
  },
  {
    id: "clear",
    title: "clear empties the carrier's queue",
    skipFor: needs("the dialect cannot clear its peer's queue (clearOut: false)", (c) => c.clearOut),
  },
  { id: "dtmf", title: "DTMF", skipFor: needs("the dialect declares no DTMF in (dtmfIn: false)", (c) => c.dtmfIn) },
  { id: "close", title: "the stream ends cleanly" },
];

/** The phone-leg catalog entry for `id`. */
export function phoneLegEntry(id: string): CatalogEntry {
  const entry = PHONE_LEG_CATALOG.find((e) => e.id === id);
  if (!entry) throw new Error(`no phone-leg scenario "${id}" in the catalog`);
  return entry;
}
