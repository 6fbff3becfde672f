// The worklet modules as shipped (the bundled, self-contained scripts the build inlines), run in
// Node under a tiny AudioWorkletGlobalScope shim.
import { describe, expect, it } from "vitest";
import type { CaptureMessage, PlaybackMessage, PlaybackSnapshot } from "../src/worklets/messages.js";
import { CAPTURE_WORKLET_SOURCE, PLAYBACK_WORKLET_SOURCE } from "../src/worklets/worklet-sources.js";
import { type FakePort, loadWorkletSource } from "./worklet-shim.js";

const QUANTUM = 128;

function sineBlocks(hz: number, rate: number, blocks: number): Float32Array[] {
  return Array.from({ length: blocks }, (_, b) =>
    Float32Array.from({ length: QUANTUM }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * (b * QUANTUM + i)) / rate)),
  );
}

describe("the inlined worklet sources", () => {
  it("are self-contained scripts: no import, export or require", () => {
    for (const source of [CAPTURE_WORKLET_SOURCE, PLAYBACK_WORKLET_SOURCE]) {
      expect(source.length).toBeGreaterThan(1000);
      expect(source).not.toMatch(/\bimport\s*[({'"*]|\bimport\s+\w|\brequire\s*\(|\bexport\s*[{*]|\bexport\s+(const|class|function|default)/);
    }
  });
});

describe("capture processor (inlined source, Node shim)", () => {
  it("reads the context's real rate and posts 20 ms PCM16 frames at the session's rate as transferred buffers", () => {
    const { processors } = loadWorkletSource(CAPTURE_WORKLET_SOURCE, 48000);
    const Capture = processors.get("voxwire-capture")!;
    const node = new Capture({ processorOptions: { sampleRate: 16000, frameMs: 20, quality: "voice" } });
    const port = node.port as FakePort;
    expect(port.of<CaptureMessage>("ready")).toEqual([
      { type: "ready", inputRate: 48000, outputRate: 16000, frameSamples: 320, backend: expect.any(String) },
    ]);
    for (const block of sineBlocks(440, 48000, 375)) expect(node.process([[block]], [])).toBe(true); // 1 s
    const frames = port.posted.filter((p) => (p.message as CaptureMessage).type === "frame");
    expect(frames.length).toBeGreaterThanOrEqual(49);
    for (const { message, transfer } of frames) {
      const frame = message as Extract<CaptureMessage, { type: "frame" }>;
      expect(frame.pcm.byteLength).toBe(640);
      expect(transfer).toEqual([frame.pcm]);
      expect(frame.peak).toBeGreaterThan(0.4);
    }
  });

  it("keeps running without frames while the input has no channel, and ends on stop", () => {
    const { processors } = loadWorkletSource(CAPTURE_WORKLET_SOURCE, 44100);
    const node = new (processors.get("voxwire-capture")!)({ processorOptions: { sampleRate: 24000, frameMs: 20, quality: "voice" } });
    expect(node.process([[]], [])).toBe(true);
    expect((node.port as FakePort).of("frame")).toEqual([]);
    (node.port as FakePort).send({ type: "stop" });
    expect(node.process([[new Float32Array(QUANTUM)]], [])).toBe(false);
  });

  it("answers options that cannot work with an error message instead of throwing on the audio thread", () => {
    const { processors } = loadWorkletSource(CAPTURE_WORKLET_SOURCE, 48000);
    const node = new (processors.get("voxwire-capture")!)({ processorOptions: { sampleRate: 12.5, frameMs: 20, quality: "voice" } });
    expect((node.port as FakePort).of<CaptureMessage>("error")).toEqual([
      { type: "error", code: "invalid_config", message: expect.stringContaining("12.5") },
    ]);
    expect(node.process([[new Float32Array(QUANTUM)]], [])).toBe(false);
  });
});

describe("playback processor (inlined source, Node shim)", () => {
  function playback(reportEverySamples = 4800) {
    const { processors, scope } = loadWorkletSource(PLAYBACK_WORKLET_SOURCE, 48000);
    const node = new (processors.get("voxwire-playback")!)({
      processorOptions: { capacitySamples: 48000, prebufferSamples: 0, underrunGapSamples: 14400, reportEverySamples },
    });
    const port = node.port as FakePort;
    const out = new Float32Array(QUANTUM);
    const render = () => {
      node.process([], [[out]]);
      scope.currentFrame += QUANTUM;
      return out;
    };
    const reports = (reason: string) =>
      port
        .of<Extract<PlaybackMessage, { type: "report" }>>("report")
        .filter((m) => m.reason === reason)
        .map((m) => m.snapshot as PlaybackSnapshot);
    return { port, render, reports };
  }

  it("plays pushed PCM16, reports position and level every interval, and empties the ring on clear before the next quantum", () => {
    const { port, render, reports } = playback(1280);
    const pcm = Int16Array.from({ length: 24000 }, (_, i) => (i % 2 === 0 ? 8192 : -8192));
    port.send({ type: "push", pcm: pcm.buffer, format: "int16" });
    for (let i = 0; i < 10; i++) expect(render()[0]).toBe(0.25);
    expect(reports("tick")).toEqual([
      expect.objectContaining({ playedSamples: 1280, queuedSamples: 24000 - 1280, sampleRate: 48000, frame: 1152, peak: 0.25 }),
    ]);

    port.send({ type: "clear" });
    expect(reports("clear")).toEqual([
      expect.objectContaining({ queuedSamples: 0, playedSamples: 1280, lastClearedSamples: 24000 - 1280, clears: 1, utterancePlayedSamples: 1280 }),
    ]);
    expect(render().every((v) => v === 0)).toBe(true);

    port.send({ type: "report", id: 7 });
    const answer = port.of<Extract<PlaybackMessage, { type: "report" }>>("report").at(-1)!;
    expect(answer).toMatchObject({ reason: "request", id: 7, snapshot: { playedSamples: 1280, queuedSamples: 0 } });
  });

  it("reports a malformed push and plays on", () => {
    const { port, render } = playback();
    port.send({ type: "push", pcm: new ArrayBuffer(3), format: "int16" });
    expect(port.of<PlaybackMessage>("error")).toEqual([{ type: "error", code: "invalid_audio", message: expect.any(String) }]);
    port.send({ type: "push", pcm: Float32Array.of(0.5).buffer, format: "float32" });
    expect(render()[0]).toBe(0.5);
  });
});
