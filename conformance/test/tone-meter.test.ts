import { createResampler } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { joinSamples, silence, sine } from "../src/audio/test-signals.js";
import { measureTone, ToneMeter } from "../src/simulator/tone-meter.js";

describe("ToneMeter", () => {
  it("reads a tone's frequency at its rate, and a rate mistake as the wrong frequency", () => {
    for (const rate of [8000, 16000, 24000, 48000]) expect(measureTone(sine(rate, 0.5, 440), rate)).toBeCloseTo(440, -1);
    // 24 kHz audio read as 16 kHz: two thirds of the frequency.
    expect(measureTone(sine(24000, 0.5, 440), 16000)).toBeCloseTo(293.3, -1);
  });

  it("follows a tone that changes frequency, and ignores silence and quiet frames", () => {
    const meter = new ToneMeter(16000);
    meter.push(sine(16000, 0.5, 200));
    meter.push(silence(16000, 0.2));
    meter.push(sine(16000, 0.5, 600));
    // Periods over the time they span: (100 + 300) / 1 s; the silence and the 3× longer interval
    // across it are left out, and no period after the change is lost.
    expect(Math.abs(meter.hz! - 400)).toBeLessThan(2);
    meter.push(sine(16000, 1, 200));
    expect(Math.abs(meter.hz! - 300)).toBeLessThan(2); // (100 + 300 + 200) / 2 s
  });

  it("ignores silence and quiet frames, and says nothing before 100 ms of tone", () => {
    const meter = new ToneMeter(16000);
    meter.push(silence(16000, 1));
    meter.push(sine(16000, 0.05, 440, 100)); // −50 dBFS: below the floor
    expect(meter.hz).toBeUndefined();
    meter.push(sine(16000, 0.2, 440));
    expect(meter.hz).toBeCloseTo(440, -1);
    expect(meter.loudSeconds).toBeCloseTo(0.2, 2);
  });
});

describe("ToneMeter on a microphone that starts in bursts", () => {
  it("counts the tone's periods, not a resampler's ringing around each burst's edge", () => {
    // A 440 Hz tone at 44.1 kHz broken by gaps of digital silence, as a browser's microphone
    // starts (seen in headless Chromium), resampled to 24 kHz: a band-limited resampler rings at
    // each abrupt edge, a few quiet samples alternating in sign inside loud frames.
    const parts: Int16Array[] = [];
    for (let burst = 0; burst < 12; burst++) {
      parts.push(silence(44100, 0.004 + (burst % 3) * 0.003));
      parts.push(sine(44100, 0.06 + (burst % 4) * 0.01, 440, 12000));
    }
    parts.push(sine(44100, 0.6, 440, 12000));
    const resampler = createResampler(44100, 24000);
    const at24k = resampler.push(joinSamples(parts));
    const frames: Int16Array[] = [];
    for (let i = 0; i + 480 <= at24k.length; i += 480) frames.push(at24k.subarray(i, i + 480));
    const meter = new ToneMeter(24000);
    for (const frame of frames) meter.push(frame);
    // Counting every sign change read 496 Hz; counting the gaps as time would read low.
    expect(Math.abs(meter.hz! - 440)).toBeLessThan(440 * 0.005);
  });
});
