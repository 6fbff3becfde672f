/* Timing and table helpers for the benchmark: CPU time, best of interleaved trials. */
import { cpus } from "node:os";

export interface Candidate {
  name: string;
  /** Runs the workload `iterations` times. Must leave a result the optimiser cannot drop (see sink). */
  run(iterations: number): void;
  /** Units (samples, seconds of audio, bytes) processed per iteration. */
  unitsPerIteration: number;
}

export interface Measured {
  name: string;
  /** Best units per CPU-second over the trials. */
  rate: number;
}

/** Accumulates a value from each run so no work is dead code. */
export const sink = { value: 0 };

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function timeRun(candidate: Candidate, iterations: number): number {
  const start = cpuSeconds();
  candidate.run(iterations);
  return cpuSeconds() - start;
}

/**
 * Measures candidates in interleaved rounds (so load from other processes hits all alike) and
 * keeps each one's best trial: CPU time, not wall time, so preemption does not count.
 */
export function measure(candidates: Candidate[], { trials = 5, trialSeconds = 0.15 } = {}): Measured[] {
  const iterations = candidates.map((candidate) => {
    let n = 1;
    candidate.run(n); // warm-up, and a first guess of the cost
    for (;;) {
      const seconds = timeRun(candidate, n);
      if (seconds >= trialSeconds / 4) return Math.max(1, Math.round((n * trialSeconds) / seconds));
      n *= 4;
    }
  });
  const best = candidates.map(() => 0);
  for (let t = 0; t < trials; t++) {
    candidates.forEach((candidate, i) => {
      const n = iterations[i]!;
      const seconds = timeRun(candidate, n);
      best[i] = Math.max(best[i]!, (n * candidate.unitsPerIteration) / seconds);
    });
  }
  return candidates.map((candidate, i) => ({ name: candidate.name, rate: best[i]! }));
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpu.trim()}, ${cpus().length} cores, Node ${process.version} (V8 ${process.versions.v8}), ${process.platform}/${process.arch}`;
}

/** A markdown table. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

export function fixed(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  return value.toFixed(digits);
}

export function ratio(value: number, reference: number): string {
  return `${(value / reference).toFixed(2)}×`;
}
