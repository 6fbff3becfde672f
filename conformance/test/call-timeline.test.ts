// The report's timeline: both ways in time order, no payloads, names cut short, bounded.

import type { InboundEvent, WireFrame } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { sine } from "../src/audio/test-signals.js";
import { callTimeline, MAX_TIMELINE, sentFrames, toneSpectrum } from "../src/live/call-timeline.js";
import type { LiveCall } from "../src/live/live-call.js";

/** Just what the timeline reads of a call: its events, its tap's frames, the wire format. No peer codec: binary PCM16 out. */
function fakeCall(events: { event: InboundEvent; atMs: number }[], frames: { dir: "in" | "out"; frame: WireFrame; atMs: number }[]): LiveCall {
  return {
    events,
    tap: { frames, dialed: { url: "wss://x.example", protocols: [], headers: {} } },
    dialect: {},
    session: { audio: { wire: { outbound: { encoding: "pcm16", sampleRate: 16000 }, inbound: { encoding: "pcm16", sampleRate: 16000 } } } },
  } as unknown as LiveCall;
}

const pcm = (samples: Int16Array) => new Uint8Array(samples.buffer.slice(0));

describe("callTimeline", () => {
  it("merges what came in and went out, in time order, with sizes and names but no payload", () => {
    const audio = new Int16Array(320);
    const call = fakeCall(
      [
        { event: { type: "session-started", ids: {}, raw: '{"type":"started"}' }, atMs: 5 },
        { event: { type: "audio-chunk", audio, sampleRate: 16000, raw: new Uint8Array(640) }, atMs: 20 },
        { event: { type: "playback-clear", raw: "{}" }, atMs: 41 },
        { event: { type: "mark-played", name: "m".repeat(100) }, atMs: 50 },
      ],
      [{ dir: "out", frame: pcm(sine(16000, 0.02)), atMs: 30 }],
    );
    const { timeline, dropped } = callTimeline(call);
    expect(dropped).toBe(0);
    expect(timeline.map((e) => [e.atMs, e.dir, e.kind])).toEqual([
      [5, "in", "event"],
      [20, "in", "audio"],
      [30, "out", "audio"],
      [41, "in", "clear"],
      [50, "in", "mark"],
    ]);
    expect(timeline[1]).toEqual({ atMs: 20, dir: "in", kind: "audio", bytes: 640, samples: 320 });
    expect(timeline[2]).toEqual({ atMs: 30, dir: "out", kind: "audio", bytes: 640, samples: 320 });
    expect(timeline[4]!.name!.length).toBe(48);
    for (const entry of timeline) expect(Object.keys(entry).every((k) => ["atMs", "dir", "kind", "bytes", "samples", "name"].includes(k))).toBe(true);
  });

  it("keeps the first MAX_TIMELINE entries and counts the rest", () => {
    const frames = Array.from({ length: MAX_TIMELINE + 25 }, (_, i) => ({ dir: "out" as const, frame: new Uint8Array(4), atMs: i }));
    const { timeline, dropped } = callTimeline(fakeCall([], frames));
    expect(timeline).toHaveLength(MAX_TIMELINE);
    expect(dropped).toBe(25);
    expect(timeline.at(-1)!.atMs).toBe(MAX_TIMELINE - 1);
  });

  it("the tone's spectrum comes from the loud audio sent, at the wire rate", () => {
    const tone = sine(16000, 0.6);
    const frames: { dir: "out"; frame: WireFrame; atMs: number }[] = [{ dir: "out", frame: new Uint8Array(640), atMs: 0 }];
    for (let i = 0; i < tone.length; i += 320) frames.push({ dir: "out", frame: pcm(tone.slice(i, i + 320)), atMs: 20 + i / 16 });
    const spectrum = toneSpectrum(sentFrames(fakeCall([], frames)))!;
    expect(spectrum.sampleRate).toBe(16000);
    expect(spectrum.seconds).toBe(0.6);
    expect(Math.abs(spectrum.peakHz - 440)).toBeLessThan(4);
  });
});
