import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { joinSamples, silence, sine } from "../src/audio/test-signals.js";
import { EnergyVad, type VadEvent } from "../src/simulator/energy-vad.js";
import { FramePacer } from "../src/simulator/frame-pacer.js";
import { parseWavPcm16 } from "../src/simulator/wav.js";

describe("EnergyVad", () => {
  const run = (audio: Int16Array, sampleRate = 16000) => {
    const events: VadEvent[] = [];
    const vad = new EnergyVad({ sampleRate });
    // Odd chunk sizes: windows must not depend on how the client frames its audio.
    for (let i = 0; i < audio.length; i += 317) vad.push(audio.subarray(i, i + 317), (e) => events.push(e));
    return events;
  };

  it("finds an utterance and ends it after 600 ms of silence, in audio time", () => {
    const events = run(joinSamples([silence(16000, 0.3), sine(16000, 0.5, 220), silence(16000, 0.7)]));
    expect(events).toEqual([
      { type: "speech-start", atMs: 300 },
      { type: "speech-end", atMs: 1400, startMs: 300, durationMs: 500 },
    ]);
  });

  it("ignores quiet noise below -40 dBFS and a 20 ms click", () => {
    expect(run(sine(16000, 1, 220, 200))).toEqual([]); // about -47 dBFS RMS
    expect(run(joinSamples([silence(16000, 0.1), sine(16000, 0.02, 220), silence(16000, 0.8)]))).toEqual([]);
  });

  it("does not end an utterance on a pause shorter than 600 ms", () => {
    const events = run(joinSamples([sine(16000, 0.3, 220), silence(16000, 0.4), sine(16000, 0.3, 220), silence(16000, 0.6)]));
    expect(events.map((e) => e.type)).toEqual(["speech-start", "speech-end"]);
    expect(events[1]).toMatchObject({ durationMs: 1000 });
  });
});

describe("FramePacer", () => {
  const frames = [new Int16Array(1), new Int16Array(2), new Int16Array(3)];

  it("fast: sends everything at once, then reports done", () => {
    const sent: number[] = [];
    let done = false;
    new FramePacer({ frameMs: 20, fast: true, send: (f) => sent.push(f.length) }).play(frames, () => (done = true));
    expect(sent).toEqual([1, 2, 3]);
    expect(done).toBe(true);
  });

  it("paced: sends the first frame now and the rest in order; stop() drops the rest", async () => {
    const sent: number[] = [];
    const pacer = new FramePacer({ frameMs: 5, fast: false, send: (f) => sent.push(f.length) });
    await new Promise<void>((resolve) => pacer.play(frames, resolve));
    expect(sent).toEqual([1, 2, 3]);

    sent.length = 0;
    pacer.play(frames, () => sent.push(-1));
    expect(sent).toEqual([1]);
    expect(pacer.active).toBe(true);
    expect(pacer.stop()).toBe(2);
    expect(pacer.active).toBe(false);
    pacer.dispose();
  });
});

describe("agent clips", () => {
  it("are mono PCM16 WAVs matching their manifest", () => {
    const dir = new URL("../assets/clips/", import.meta.url);
    const manifest = JSON.parse(readFileSync(new URL("manifest.json", dir), "utf8")) as {
      clips: { id: string; file: string; text: string; sampleRate: number; samples: number }[];
    };
    expect(manifest.clips.map((c) => c.id)).toEqual(["greeting", "answer"]);
    for (const clip of manifest.clips) {
      const wav = parseWavPcm16(readFileSync(new URL(clip.file, dir)), clip.file);
      expect(wav.sampleRate).toBe(clip.sampleRate);
      expect(wav.samples.length).toBe(clip.samples);
      expect(clip.text.length).toBeGreaterThan(0);
    }
    const greeting = manifest.clips[0]!;
    expect(greeting.samples / greeting.sampleRate).toBeGreaterThan(0.8);
    expect(greeting.samples / greeting.sampleRate).toBeLessThan(1.5);
  });

  it("a malformed WAV is refused with a message naming it", () => {
    expect(() => parseWavPcm16(new Uint8Array(8), "x.wav")).toThrow("x.wav: not a RIFF/WAVE file");
  });
});
