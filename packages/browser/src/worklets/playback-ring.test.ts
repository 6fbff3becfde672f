import { describe, expect, it } from "vitest";
import { PlaybackRing } from "./playback-ring.js";

const QUANTUM = 128;

function ring(capacity = 1024, prebufferSamples = 0, underrunGapSamples = 256): PlaybackRing {
  return new PlaybackRing({ capacity, prebufferSamples, underrunGapSamples });
}

function ramp(n: number, start = 1): Int16Array {
  return Int16Array.from({ length: n }, (_, i) => start + i);
}

/** Renders quanta until `samples` have been rendered; returns everything rendered, in PCM16 units. */
function render(r: PlaybackRing, samples: number): number[] {
  const out = new Float32Array(QUANTUM);
  const all: number[] = [];
  for (let done = 0; done < samples; done += QUANTUM) {
    r.read(out);
    for (const v of out) all.push(Math.round(v * 32768));
  }
  return all;
}

describe("PlaybackRing", () => {
  it("plays what was written, in order, across the wrap-around, then silence", () => {
    const r = ring(300);
    expect(r.write(ramp(200))).toBe(200);
    expect(render(r, 128)).toEqual([...ramp(128)]);
    expect(r.write(ramp(200, 201))).toBe(200); // wraps past index 300
    const rest = render(r, 384);
    expect(rest.slice(0, 272)).toEqual([...ramp(72, 129), ...ramp(200, 201)]);
    expect(rest.slice(272).every((v) => v === 0)).toBe(true);
    expect(r.counters()).toMatchObject({ playedSamples: 400, queuedSamples: 0, enqueuedSamples: 400, renderedSamples: 512, overruns: 0 });
  });

  it("clear() drops everything queued at once: the next quantum is silence", () => {
    const r = ring(48000);
    r.write(ramp(10_000));
    render(r, 128);
    expect(r.clear()).toBe(10_000 - 128);
    expect(r.queuedSamples).toBe(0);
    expect(render(r, 128).every((v) => v === 0)).toBe(true);
    expect(r.counters()).toMatchObject({
      playedSamples: 128,
      clears: 1,
      clearedSamples: 9872,
      lastClearedSamples: 9872,
      utterancePlayedSamples: 128,
    });
    // Audio after the clear plays from its own first sample: a new utterance.
    r.write(ramp(10, 500));
    expect(render(r, 128).slice(0, 10)).toEqual([...ramp(10, 500)]);
    expect(r.counters().utterancePlayedSamples).toBe(10);
  });

  it("refuses what does not fit and counts an overrun with the samples dropped", () => {
    const r = ring(1000);
    expect(r.write(ramp(600))).toBe(600);
    expect(r.write(ramp(600, 601))).toBe(400);
    expect(r.counters()).toMatchObject({ overruns: 1, droppedSamples: 200, queuedSamples: 1000 });
    expect(render(r, 1024).slice(0, 1000)).toEqual([...ramp(1000)]);
  });

  it("counts a short dry spell inside speech as an underrun, a long one as a pause", () => {
    const r = ring(4096, 0, 256);
    r.write(ramp(100));
    render(r, 128); // runs dry 28 samples into the quantum
    render(r, 128);
    r.write(ramp(100)); // dry for 156 samples ≤ 256: a gap in speech
    expect(r.counters().underruns).toBe(1);
    render(r, 128 * 4); // dry for much longer than 256
    r.write(ramp(100));
    expect(r.counters()).toMatchObject({ underruns: 1, utterancePlayedSamples: 0 });
    render(r, 128);
    expect(r.counters().utterancePlayedSamples).toBe(100);
  });

  it("a clear is not an underrun, and the interrupted utterance's heard part is kept until new audio", () => {
    const r = ring(4096, 0, 100_000);
    r.write(ramp(1000));
    render(r, 256);
    r.clear();
    expect(r.counters().utterancePlayedSamples).toBe(256);
    r.write(ramp(10));
    expect(r.counters()).toMatchObject({ underruns: 0, utterancePlayedSamples: 0 });
  });

  it("holds a new utterance until the prebuffer fills, or at most the prebuffer's length", () => {
    const r = ring(4096, 300, 0);
    r.write(ramp(200));
    expect(render(r, 128).every((v) => v === 0)).toBe(true); // 200 < 300: waiting
    r.write(ramp(200, 201));
    expect(render(r, 128)).toEqual([...ramp(128)]); // 400 ≥ 300: playing
    const short = ring(4096, 300, 0);
    short.write(ramp(50));
    render(short, 384); // quanta start at 0, 128, 256: all before the 300-sample wait is over
    expect(short.counters().playedSamples).toBe(0);
    expect(render(short, 128).slice(0, 50)).toEqual([...ramp(50)]);
  });

  it("scales PCM16 by 1/32768 and clamps floats (NaN becomes silence)", () => {
    const r = ring(16);
    r.write(Int16Array.of(-32768, 32767, 16384));
    r.write(Float32Array.of(2, -2, Number.NaN, 0.25));
    const out = new Float32Array(8);
    r.read(out);
    expect([...out]).toEqual([-1, 32767 / 32768, 0.5, 1, -1, 0, 0.25, 0]);
  });

  it("refuses a capacity that cannot work with a typed error", () => {
    expect(() => ring(0)).toThrow(expect.objectContaining({ code: "invalid_config" }));
    expect(() => new PlaybackRing({ capacity: 10, prebufferSamples: -1, underrunGapSamples: 0 })).toThrow(
      expect.objectContaining({ code: "invalid_config" }),
    );
  });
});
