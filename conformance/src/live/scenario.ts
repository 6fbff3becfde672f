import type { Dialect, DialectCapabilities } from "@voxwire/core";
import type { ClientTarget } from "../client-target.js";
import type { Simulator } from "../simulator/start-simulator.js";
import type { Conversation } from "./conversation.js";
import type { ConformanceSubject } from "./live-subject.js";
import type { Measured, ScenarioStatus, Spectrum, TimelineEntry } from "./scenario-result.js";

/** What a scenario works with. Everything with I/O has a deadline (`stepMs`). */
export interface ScenarioContext {
  readonly subject: ConformanceSubject;
  /** The dialect built for the target, with the given key. */
  readonly dialect: Dialect;
  readonly capabilities: DialectCapabilities;
  readonly target: ClientTarget;
  /** The built-in simulator, when no URL was given: its records make more checks possible. */
  readonly sim: Simulator | undefined;
  /** The simulator sends agent audio without pacing, and the scenarios stream without it. */
  readonly fast: boolean;
  /** Deadline for one network step (bootstrap, open, a reply). */
  readonly stepMs: number;
  readonly signal: AbortSignal;
  /** The shared scripted call (greeting, a tone, the answer, DTMF, close), run once on first use. */
  conversation(): Promise<Conversation>;
  /** A progress note for the CLI's status line. */
  progress(step: string): void;
  /** Why the target cannot be reached (a dial already failed with a network error or a timeout), if so: dialing again would only wait again. */
  unreachable(): string | undefined;
}

/** How a scenario ended, before the runner adds its id and title. */
export interface ScenarioOutcome {
  readonly status: ScenarioStatus;
  readonly detail: string;
  readonly measured?: Measured;
  /** The measured values in a few words, for a table. */
  readonly summary?: string;
  /** The scenario's call, frame by frame (see `callTimeline`). */
  readonly timeline?: readonly TimelineEntry[];
  readonly timelineDropped?: number;
  readonly spectrum?: Spectrum;
}

/** One live scenario: skipped by what the dialect declares, run against the target otherwise. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** Why it does not apply (a capability the dialect lacks, a check only the simulator allows), or undefined. */
  skip?(ctx: ScenarioContext): string | undefined;
  run(ctx: ScenarioContext): Promise<ScenarioOutcome>;
}

export const passed = (detail: string, measured: Measured = {}, summary?: string): ScenarioOutcome => ({
  status: "passed",
  detail,
  measured,
  ...(summary ? { summary } : {}),
});
export const failed = (detail: string, measured: Measured = {}, summary?: string): ScenarioOutcome => ({
  status: "failed",
  detail,
  measured,
  ...(summary ? { summary } : {}),
});
export const skipped = (detail: string): ScenarioOutcome => ({ status: "skipped", detail });

/** Milliseconds rounded for reports (0.1 ms below 10 ms, else whole). */
export function ms(value: number): number {
  return value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}
