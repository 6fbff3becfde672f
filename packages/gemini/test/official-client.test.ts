// The vendor's own code judges the simulator: Google's `@google/genai` (its current major needs
// Node 22, installed from the npm registry by the project's scripts) opens a Live session with
// `ai.live.connect` against `voxwire simulate gemini`'s front, given only
// `httpOptions.baseUrl` (the SDK turns it into `ws://…//ws/google.ai.generativelanguage.v1beta.…`):
// audio both ways, a barge-in (`interrupted`), a tool call answered with `sendToolResponse`, the
// agent's answer after it, and no warning from the client. Skipped, saying why, when Node 22 or
// the package cannot be installed (no registry).
import { fileURLToPath } from "node:url";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { installOfficialClient, nodeUnavailable, type OfficialClient, runUnderNode } from "@voxwire/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geminiFront } from "../src/testing/index.js";

const CLIENT = "@google/genai";
const VERSION = "3.1.0";
const KEY = "voxwire-gemini-official-client-key";
const FIXTURE = fileURLToPath(new URL("./fixtures/genai-live-client.mjs", import.meta.url));

let sim: Simulator | undefined;
let setup: OfficialClient;

describe(`Google's own ${CLIENT} ai.live.connect against the Gemini simulator`, () => {
  beforeAll(async () => {
    const noNode = await nodeUnavailable(22);
    setup = noNode ? { skip: noNode } : installOfficialClient({ name: CLIENT, version: VERSION, fixture: FIXTURE });
    if ("dir" in setup) {
      sim = await startSimulator({
        front: geminiFront(),
        fast: true,
        keys: [KEY],
        script: { greeting: "greeting", answers: ["answer"], toolCall: { name: "lookup", arguments: { q: "weather in Paris" } } },
      });
    }
  }, 180_000);
  afterAll(async () => {
    await sim?.close();
  });

  it("completes a turn: audio both ways, a barge-in, a tool call answered, with no warning", async (context) => {
    if ("skip" in setup) {
      console.warn(`skipped: ${setup.skip}`);
      context.skip(setup.skip);
      return;
    }
    const run = await runUnderNode(22, setup.script, [sim!.url, KEY], { cwd: setup.dir, timeoutMs: 30_000 });
    expect(run.code, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
      seen: string[];
      audioBytes: number;
      audioAfterTool: number;
      toolCalls: { id: string; name: string; args: unknown }[];
      complaints: string[];
    };
    expect(seen.complaints).toEqual([]);
    expect(seen.seen).toEqual(
      expect.arrayContaining(["setupComplete", "serverContent.modelTurn", "serverContent.interrupted", "toolCall", "serverContent.turnComplete"]),
    );
    expect(seen.audioBytes).toBeGreaterThan(24000); // more than half a second of 24 kHz PCM16
    expect(seen.audioAfterTool).toBeGreaterThan(0); // the answer after the tool's result
    expect(seen.toolCalls).toEqual([{ id: "call_1", name: "lookup", args: { q: "weather in Paris" } }]);

    const [record] = sim!.sessions();
    expect(record!.received.audio.seconds).toBeGreaterThan(1.5);
    expect(record!.agent.bargeIns).toBeGreaterThanOrEqual(1);
    expect(record!.agent.tools).toEqual([{ callId: "call_1", name: "lookup", output: { forecast: "sunny" } }]);
    expect(record!.agent.configs[0]).toMatchObject({ instructions: "You are a weather assistant.", voice: "Puck", tools: [{ name: "lookup" }] });
  }, 60_000);
});
