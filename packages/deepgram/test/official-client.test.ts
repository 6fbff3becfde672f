// The vendor's own code judges the simulator: Deepgram's `@deepgram/sdk` agent client (its
// current major needs Node 22, installed from the npm registry by the project's scripts)
// completes a turn against `voxwire simulate deepgram`'s front: Settings, audio both ways, a
// barge-in (UserStartedSpeaking), a client-side function call answered and the answer heard,
// with no warning from the client. Reconnects are off (the SDK retries 30 times by default).
// Skipped, saying why, when Node 22 or the package cannot be installed (no registry).
import { fileURLToPath } from "node:url";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { installOfficialClient, nodeUnavailable, type OfficialClient, runUnderNode } from "@voxwire/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deepgramFront } from "../src/testing/index.js";

const CLIENT = "@deepgram/sdk";
const VERSION = "5.13.0";
const KEY = "dg-voxwire-official-client-test";
const FIXTURE = fileURLToPath(new URL("./fixtures/deepgram-agent-client.mjs", import.meta.url));

let sim: Simulator | undefined;
let setup: OfficialClient;

describe(`Deepgram's own ${CLIENT} agent client against the Deepgram simulator`, () => {
  beforeAll(async () => {
    const noNode = await nodeUnavailable(22);
    setup = noNode ? { skip: noNode } : installOfficialClient({ name: CLIENT, version: VERSION, extra: ["ws@8"], fixture: FIXTURE });
    if ("dir" in setup) {
      sim = await startSimulator({
        front: deepgramFront(),
        fast: true,
        keys: [KEY],
        script: { greeting: "greeting", answers: ["answer"], toolCall: { name: "get_weather", arguments: { city: "Paris" } } },
      });
    }
  }, 180_000);
  afterAll(async () => {
    await sim?.close();
  });

  it("sends Settings, hears the greeting, barges in, answers the function call and hears the answer, with no warning", async (context) => {
    if ("skip" in setup) {
      console.warn(`skipped: ${setup.skip}`);
      context.skip(setup.skip);
      return;
    }
    const run = await runUnderNode(22, setup.script, [sim!.url, KEY], { cwd: setup.dir, timeoutMs: 30_000 });
    expect(run.code, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
      audioBytes: number;
      answerBytes: number;
      events: string[];
      calls: { id: string; name: string; arguments: unknown }[];
      complaints: string[];
    };
    expect(seen.complaints).toEqual([]);
    expect(seen.events.slice(0, 2)).toEqual(["Welcome", "SettingsApplied"]);
    expect(seen.events).toEqual(
      expect.arrayContaining(["AgentStartedSpeaking", "ConversationText", "UserStartedSpeaking", "AgentThinking", "FunctionCallRequest"]),
    );
    expect(seen.calls).toEqual([{ id: "call_1", name: "get_weather", arguments: { city: "Paris" } }]);
    expect(seen.audioBytes).toBeGreaterThan(24000); // more than half a second of 24 kHz linear16
    expect(seen.answerBytes).toBeGreaterThanOrEqual(24000); // half a second of the answer, after the function's result
    const [record] = sim!.sessions();
    expect(record!.received.audio.seconds).toBeGreaterThan(2);
    expect(record!.agent.bargeIns).toBeGreaterThanOrEqual(1);
    expect(record!.agent.tools).toEqual([{ callId: "call_1", name: "get_weather", output: '{"temperature_c":14}' }]);
    expect(record!.agent.configs[0]).toMatchObject({ instructions: "You are a weather assistant.", voice: "aura-2-thalia-en" });
  }, 60_000);
});
