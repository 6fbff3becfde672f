// Omni can run at 8 kHz, the phone's own rate: then the bridge resamples nothing, either way.

import { DEFAULT_SIMULATOR_KEY, joinSamples, type Simulator, silence, sine, startSimulator } from "@voxwire/conformance";
import { createResampler } from "@voxwire/core";
import { omniFront } from "@voxwire/omni/testing";
import { syntheticClips } from "@voxwire/test-utils";
import { createPhoneBridge } from "@voxwire/twilio";
import { simulateTwilioCall } from "@voxwire/twilio/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dialectSubject } from "../src/registry.js";

// Every resampler core builds goes through this factory (found through core's package, not a
// relative path into it): count its calls.
const { RESAMPLER_MODULE } = await vi.hoisted(async () => {
  const { createRequire } = await import("node:module");
  const { dirname, join } = await import("node:path");
  const core = dirname(createRequire(import.meta.url).resolve("@voxwire/core/package.json"));
  return { RESAMPLER_MODULE: join(core, "src/audio/resampler.ts") };
});
vi.mock(RESAMPLER_MODULE, async (importOriginal) => {
  const original = await importOriginal<typeof import("@voxwire/core")>();
  return { ...original, createResampler: vi.fn(original.createResampler) };
});

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describe("a phone call to Omni at 8 kHz", () => {
  it("creates no resampler at all: μ-law companding is the whole conversion", async () => {
    // The agent's clips are made at 8 kHz too, so the simulator has nothing to resample either.
    const sim: Simulator = await startSimulator({ front: omniFront(), fast: true, clips: syntheticClips(8000) });
    cleanup.push(() => sim.close());
    const dialect = dialectSubject("omni").client({ url: sim.url, key: DEFAULT_SIMULATOR_KEY, sampleRate: 8000 });
    const server = await createPhoneBridge({
      agent: dialect,
      port: 0,
      allowUnsigned: true,
      leadMs: 10_000,
      preconnectBufferMs: 5000,
      agentOptions: { queue: { maxAudioMs: 5000 } },
    });
    cleanup.push(() => server.close());
    vi.mocked(createResampler).mockClear();

    let audio: { agentInputRate: number; agentOutputRate: number } | undefined;
    server.server.once("upgrade", () => setImmediate(() => server.calls()[0]?.on("agent-connected", () => (audio = server.calls()[0]?.audio))));
    const call = simulateTwilioCall({
      url: `ws://127.0.0.1:${server.port}/media`,
      audio: joinSamples([silence(8000, 0.3), sine(8000, 0.6, 220), silence(8000, 0.8)]),
      fast: true,
    });
    const record = await call.done;

    expect(record.received.audioMs).toBeGreaterThan(0);
    expect(sim.sessions()[0]!.rates).toEqual({ user: 8000, agent: 8000 });
    expect(sim.sessions()[0]!.agent.spoke).toEqual(["greeting", "answer"]);
    expect(audio).toMatchObject({ agentInputRate: 8000, agentOutputRate: 8000, callerToAgentResampled: false, agentToCallerResampled: false });
    expect(vi.mocked(createResampler)).not.toHaveBeenCalled();
  });
});
