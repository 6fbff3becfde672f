// The vendor's own code judges the simulator: OpenAI's `@openai/agents-realtime` WebSocket
// transport (its current major needs Node 22, installed from the npm registry by the project's
// scripts) completes a turn against `voxwire simulate openai`'s front: the session update, audio
// both ways and a barge-in, with no warning from the client. Skipped, saying why, when Node 22 or
// the package cannot be installed (no registry). Tool calls wait for dialect spec v2.
import { fileURLToPath } from "node:url";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { installOfficialClient, nodeUnavailable, type OfficialClient, runUnderNode } from "@voxwire/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openaiFront } from "../src/testing/index.js";

const CLIENT = "@openai/agents-realtime";
const VERSION = "0.20.0";
const KEY = "sk-voxwire-official-client-test";
const FIXTURE = fileURLToPath(new URL("./fixtures/agents-realtime-client.mjs", import.meta.url));

let sim: Simulator | undefined;
let setup: OfficialClient;

describe(`OpenAI's own ${CLIENT} against the OpenAI simulator`, () => {
  beforeAll(async () => {
    const noNode = await nodeUnavailable(22);
    setup = noNode ? { skip: noNode } : installOfficialClient({ name: CLIENT, version: VERSION, extra: ["ws@8"], fixture: FIXTURE });
    if ("dir" in setup) sim = await startSimulator({ front: openaiFront(), fast: true, keys: [KEY] });
  }, 180_000);
  afterAll(async () => {
    await sim?.close();
  });

  it("connects, updates the session, hears the greeting, sends audio and sees the barge-in, with no warning", async (context) => {
    if ("skip" in setup) {
      console.warn(`skipped: ${setup.skip}`);
      context.skip(setup.skip);
      return;
    }
    const run = await runUnderNode(22, setup.script, [sim!.url, KEY], { cwd: setup.dir, timeoutMs: 30_000 });
    expect(run.code, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { audioBytes: number; events: string[]; complaints: string[] };
    expect(seen.complaints).toEqual([]);
    expect(seen.events).toEqual(
      expect.arrayContaining(["session.created", "session.updated", "response.output_audio.delta", "input_audio_buffer.speech_started"]),
    );
    expect(seen.audioBytes).toBeGreaterThan(24000); // more than half a second of 24 kHz PCM16
    const [record] = sim!.sessions();
    expect(record!.received.audio.seconds).toBeGreaterThan(1.5);
    expect(record!.agent.bargeIns).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
