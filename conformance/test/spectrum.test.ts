// The report's spectrum: a Goertzel sweep over Hann-windowed segments, calibrated in dBFS.

import { describe, expect, it } from "vitest";
import { silence, sine } from "../src/audio/test-signals.js";
import { magnitudeSpectrum, SPECTRUM_BINS, SPECTRUM_FLOOR_DB } from "../src/live/spectrum.js";

describe("magnitudeSpectrum", () => {
  it.each([8000, 16000, 24000])("finds a 440 Hz tone at %i Hz, at its level, between two bins", (rate) => {
    const spectrum = magnitudeSpectrum(sine(rate, 0.6, 440, 8000), rate)!;
    expect(spectrum.db).toHaveLength(SPECTRUM_BINS + 1);
    expect(Math.abs(spectrum.peakHz - 440)).toBeLessThan(4);
    const peak = Math.max(...spectrum.db);
    // 8000 of 32768 is -12.2 dBFS; a tone between two bins loses at most ~1.5 dB in a Hann window.
    expect(peak).toBeGreaterThan(-14);
    expect(peak).toBeLessThan(-11.5);
    // Far from the tone the spectrum is low.
    expect(spectrum.db[Math.round(1500 / spectrum.stepHz)]!).toBeLessThan(peak - 50);
  });

  it("reads silence at the floor and declines audio shorter than one segment", () => {
    const quiet = magnitudeSpectrum(silence(16000, 0.5), 16000)!;
    expect(quiet.db.every((v) => v === SPECTRUM_FLOOR_DB)).toBe(true);
    expect(magnitudeSpectrum(sine(16000, 0.01), 16000)).toBeUndefined();
  });
});
