/** How one scenario ended. */
export type ScenarioStatus = "passed" | "failed" | "skipped";

/** A measured value: a number with its unit, or a short text (`480-sample frames`). */
export type Measured = Readonly<Record<string, number | string>>;

/** What crossed the wire, in a few words: audio, a playback clear, a mark, or another control event. */
export type TimelineKind = "audio" | "clear" | "mark" | "event";

/**
 * One frame of a scenario's call, without its payload: when (ms on the call's clock), which way
 * (`in` from the vendor, `out` to it), what it was, its size on the wire and, for audio, its
 * samples; `name` says which mark or event (`session-started`, `dtmf-send`), never its content.
 */
export interface TimelineEntry {
  readonly atMs: number;
  readonly dir: "in" | "out";
  readonly kind: TimelineKind;
  readonly bytes?: number;
  readonly samples?: number;
  readonly name?: string;
}

/**
 * A magnitude spectrum: `db[i]` is the level (dBFS) at `i × stepHz`, averaged over the audio
 * analysed; `peakHz` the strongest frequency (interpolated between bins).
 */
export interface Spectrum {
  /** What was analysed (`the tone as sent on the wire`). */
  readonly of: string;
  readonly sampleRate: number;
  readonly stepHz: number;
  readonly db: readonly number[];
  readonly peakHz: number;
  /** Seconds of audio analysed. */
  readonly seconds: number;
}

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
  /** The frames of the scenario's own call with their times (bounded; no payloads), where it has one. */
  readonly timeline?: readonly TimelineEntry[];
  /** Frames left out of `timeline` past its bound. */
  readonly timelineDropped?: number;
  /** A spectrum of audio the scenario measured (the audio scenario: the user's tone on the wire). */
  readonly spectrum?: Spectrum;
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
