import type { WireAudioFormat } from "@voxwire/core";

/** One audio frame as it arrived: its sample count, rate and tap time. */
export interface TimedFrame {
  readonly samples: number;
  readonly sampleRate: number;
  readonly atMs: number;
}

/** How frames arrived against real time. */
export interface Pacing {
  /** Audio seconds delivered per wall-clock second (1 = real time; more = a burst). */
  readonly realTime: number;
  /** RMS of each frame's arrival minus when real time would have it, ms. */
  readonly jitterMs: number;
  /** The longest wait between two frames beyond the audio they carried, ms. */
  readonly maxLateMs: number;
}

/**
 * Pacing of a stream of frames, from the first to the last: how fast audio arrived compared
 * with its own duration, and how evenly. Undefined for less than 0.5 s of audio.
 */
export function measurePacing(frames: readonly TimedFrame[]): Pacing | undefined {
  if (frames.length < 3) return undefined;
  const first = frames[0]!;
  let audioMs = 0;
  let sumSquares = 0;
  let maxLateMs = 0;
  for (let i = 1; i < frames.length; i++) {
    const previous = frames[i - 1]!;
    const durationMs = (previous.samples / previous.sampleRate) * 1000;
    audioMs += durationMs;
    const deviation = frames[i]!.atMs - previous.atMs - durationMs;
    sumSquares += deviation * deviation;
    maxLateMs = Math.max(maxLateMs, deviation);
  }
  const spanMs = frames.at(-1)!.atMs - first.atMs;
  if (audioMs < 500) return undefined;
  return { realTime: spanMs > 0 ? audioMs / spanMs : Number.POSITIVE_INFINITY, jitterMs: Math.sqrt(sumSquares / (frames.length - 1)), maxLateMs };
}

/** Sample counts → how many frames had each, described (`480 samples (20 ms) ×55`). */
export function describeSizes(counts: readonly number[], sampleRate: number): string {
  const sizes = new Map<number, number>();
  for (const n of counts) sizes.set(n, (sizes.get(n) ?? 0) + 1);
  return [...sizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([n, times]) => `${n} samples (${round((n / sampleRate) * 1000)} ms) ×${times}`)
    .join(", ");
}

/**
 * Whether every frame has the size the wire format asks for. A format without `frameMs` takes
 * any size; one trailing short frame (the end of a clip) is allowed.
 */
export function frameSizeProblem(counts: readonly number[], format: WireAudioFormat, direction: string): string | undefined {
  if (counts.length === 0) return `no ${direction} audio frames`;
  if (format.frameMs === undefined) return undefined;
  const expected = Math.round((format.sampleRate * format.frameMs) / 1000);
  const wrong = counts.slice(0, -1).filter((n) => n !== expected).length + (counts.at(-1)! > expected ? 1 : 0);
  return wrong === 0 ? undefined : `${wrong} of ${counts.length} ${direction} frames are not ${expected} samples (${format.frameMs} ms)`;
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
