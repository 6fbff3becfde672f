/** How one scenario ended. */
export type ScenarioStatus = "passed" | "failed" | "skipped";

/** A measured value: a number with its unit, or a short text (`480-sample frames`). */
export type Measured = Readonly<Record<string, number | string>>;

/** One scenario's outcome, as the CLI prints it and `--json` emits it. */
export interface ScenarioResult {
  /** Stable id (`audio`, `barge-in`): `--only` takes it. */
  readonly id: string;
  readonly title: string;
  readonly status: ScenarioStatus;
  /** One sentence: what was seen, or why it failed or was skipped. Never a secret. */
  readonly detail: string;
  /** Numbers with units in their names (`bargeInMs`, `toneHz`). */
  readonly measured: Measured;
  /** The measured values in a few words, for a table (`barge-in 41 ms · 0 ms after clear`). */
  readonly summary?: string;
}

/** Every scenario of one dialect against one target. */
export interface DialectReport {
  readonly dialect: string;
  /** `built-in simulator` or the endpoint, redacted. */
  readonly target: string;
  /** True when the built-in simulator ran without real-time pacing (pacing is then not measured). */
  readonly fast: boolean;
  readonly results: readonly ScenarioResult[];
}

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

/** Counts results by status. */
export function tally(results: readonly ScenarioResult[]): Tally {
  const counts: Tally = { passed: 0, failed: 0, skipped: 0 };
  for (const result of results) counts[result.status]++;
  return counts;
}
