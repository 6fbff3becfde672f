import { describe, expect, it, vi } from "vitest";
import { createResampler } from "../audio/resampler.js";
import type { ConnectPlan } from "../dialect/current.js";
import { ConfigError } from "../errors/error-classes.js";
import { convertsRates, planSessionAudio } from "./session-audio.js";

// The session needs the resampler's code only when a rate differs: in a page, connect() fetches
// that chunk on this answer (load-resampler.browser.ts), so it must be exact both ways.
const plan = (outbound: number, inbound: number): ConnectPlan =>
  ({
    url: "wss://vendor.example/v1",
    secrets: [],
    audio: { outbound: { encoding: "pcm16", sampleRate: outbound }, inbound: { encoding: "pcm16", sampleRate: inbound } },
  }) as unknown as ConnectPlan;

describe("the session's audio plan", () => {
  it("needs a resampler only when input or output differs from the wire's rate", () => {
    expect(convertsRates(plan(16000, 24000), {})).toBe(false);
    expect(convertsRates(plan(16000, 24000), { input: { sampleRate: 16000 }, output: { sampleRate: 24000, frameMs: 20 } })).toBe(false);
    expect(convertsRates(plan(16000, 24000), { input: { sampleRate: 48000 } })).toBe(true);
    expect(convertsRates(plan(16000, 24000), { output: { sampleRate: 48000 } })).toBe(true);
    expect(convertsRates(plan(16000, 24000), { output: { sampleRate: 16000 } })).toBe(true);
  });

  it("builds both directions without the factory at the wire's rates, and with it otherwise", () => {
    const factory = vi.fn(createResampler);
    const same = planSessionAudio(plan(16000, 24000), { output: { sampleRate: 24000, frameMs: 20 } }, undefined);
    expect(same.toWire.latencySamples).toBe(0);
    expect(same.fromWire?.latencySamples).toBe(0);
    const converting = planSessionAudio(plan(16000, 24000), { input: { sampleRate: 48000 }, output: { sampleRate: 48000 } }, factory);
    expect(factory).toHaveBeenCalledTimes(2);
    expect(converting.toWire.latencySamples).toBeGreaterThan(0);
    expect(converting.fromWire?.latencySamples).toBeGreaterThan(0);
  });

  it("refuses a rate conversion with no resampler as a typed error, not a silent pass-through", () => {
    expect(() => planSessionAudio(plan(16000, 16000), { input: { sampleRate: 48000 } }, undefined)).toThrow(ConfigError);
  });
});
