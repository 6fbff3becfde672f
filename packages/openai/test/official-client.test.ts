// The vendor's own code judges the simulator: OpenAI's `@openai/agents-realtime` (a
// RealtimeSession over its WebSocket transport, with a RealtimeAgent and one tool(); its current
// major needs Node 22, installed from the npm registry by the project's scripts) completes a turn
// against `voxwire simulate openai`'s front: the session update, audio both ways, a barge-in, the
// function call run and answered, the agent's answer after it, with no warning from the client
// and every server event accepted by the client's own schema. Skipped, saying why, when Node 22
// or the package cannot be installed (no registry).
import { fileURLToPath } from "node:url";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { installOfficialClient, nodeUnavailable, type OfficialClient, runUnderNode } from "@voxwire/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openaiFront } from "../src/testing/index.js";

const CLIENT = "@openai/agents-realtime";
const VERSION = "0.20.0";
const KEY = "sk-voxwire-official-client-test";
const FIXTURE = fileURLToPath(new URL("./fixtures/agents-realtime-client.mjs", import.meta.url));
/** The agent calls the fixture's tool before its first answer. */
const SCRIPT = { greeting: "greeting", answers: ["answer"], toolCall: { name: "get_weather", arguments: { city: "Paris" } } };

let sim: Simulator | undefined;
let setup: OfficialClient;

describe(`OpenAI's own ${CLIENT} against the OpenAI simulator`, () => {
  beforeAll(async () => {
    const noNode = await nodeUnavailable(22);
    setup = noNode ? { skip: noNode } : installOfficialClient({ name: CLIENT, version: VERSION, extra: ["ws@8"], fixture: FIXTURE });
    if ("dir" in setup) sim = await startSimulator({ front: openaiFront(), fast: true, keys: [KEY], script: SCRIPT });
  }, 180_000);
  afterAll(async () => {
    await sim?.close();
  });

  it("updates the session, hears the greeting, barges in, runs the called tool and hears the answer, with no complaint", async (context) => {
    if ("skip" in setup) {
      console.warn(`skipped: ${setup.skip}`);
      context.skip(setup.skip);
      return;
    }
    const run = await runUnderNode(22, setup.script, [sim!.url, KEY], { cwd: setup.dir, timeoutMs: 40_000 });
    expect(run.code, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
      audioBytes: number;
      answeredAudio: number;
      calls: string[];
      events: string[];
      complaints: string[];
    };
    expect(seen.complaints).toEqual([]);
    expect(seen.events).toEqual(
      expect.arrayContaining([
        "session.created",
        "session.updated",
        "response.output_audio.delta",
        "input_audio_buffer.speech_started",
        "input_audio_buffer.speech_stopped",
        "response.function_call_arguments.done",
        "response.output_item.done",
      ]),
    );
    expect(seen.audioBytes).toBeGreaterThan(24000); // more than half a second of 24 kHz PCM16
    expect(seen.calls).toEqual(["Paris"]); // the tool ran with the arguments the agent sent
    expect(seen.answeredAudio).toBeGreaterThan(0); // and the agent spoke again after the result
    const [record] = sim!.sessions();
    expect(record!.received.audio.seconds).toBeGreaterThan(1.5);
    expect(record!.agent.bargeIns).toBeGreaterThanOrEqual(1);
    expect(record!.agent.tools).toEqual([{ callId: "call_1", name: "get_weather", output: "sunny, 21 degrees in Paris" }]);
    expect(record!.agent.spoke).toEqual(["greeting", "answer"]);
    // The agent's own configuration reached the simulator: its instructions and the tool.
    expect(record!.agent.configs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ instructions: "Answer weather questions briefly.", tools: [expect.objectContaining({ name: "get_weather" })] }),
      ]),
    );
  }, 60_000);
});

const OPENAI = "openai";
const OPENAI_VERSION = "7.59.0";
const OPENAI_FIXTURE = fileURLToPath(new URL("./fixtures/openai-realtime-client.mjs", import.meta.url));
let tlsSim: Simulator | undefined;
let openaiSetup: OfficialClient;

// The `openai` package's realtime WebSocket client forces wss:, so it dials the simulator's
// --tls listener, trusting its self-signed certificate through NODE_EXTRA_CA_CERTS.
describe(`OpenAI's own ${OPENAI} realtime client against the simulator's wss: listener`, () => {
  beforeAll(async () => {
    const noNode = await nodeUnavailable(22);
    openaiSetup = noNode ? { skip: noNode } : installOfficialClient({ name: OPENAI, version: OPENAI_VERSION, fixture: OPENAI_FIXTURE });
    if ("dir" in openaiSetup) tlsSim = await startSimulator({ front: openaiFront(), fast: true, keys: [KEY], script: SCRIPT, tls: true });
  }, 180_000);
  afterAll(async () => {
    await tlsSim?.close();
  });

  it("updates the session, sends and hears audio, answers the function call, truncates on the barge-in, with no complaint", async (context) => {
    if ("skip" in openaiSetup) {
      console.warn(`skipped: ${openaiSetup.skip}`);
      context.skip(openaiSetup.skip);
      return;
    }
    const run = await runUnderNode(22, openaiSetup.script, [tlsSim!.tlsUrl!, KEY], {
      cwd: openaiSetup.dir,
      timeoutMs: 40_000,
      env: { NODE_EXTRA_CA_CERTS: tlsSim!.certificatePath! },
    });
    expect(run.code, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
      audioBytes: number;
      answeredAudio: number;
      calls: { name: string; args: unknown }[];
      truncated?: { item_id: string; audio_end_ms: number };
      events: string[];
      complaints: string[];
    };
    expect(seen.complaints).toEqual([]);
    expect(seen.events).toEqual(
      expect.arrayContaining(["session.created", "session.updated", "response.output_audio.delta", "input_audio_buffer.speech_started"]),
    );
    expect(seen.audioBytes).toBeGreaterThan(24000);
    expect(seen.calls).toEqual([{ name: "get_weather", args: { city: "Paris" } }]);
    expect(seen.answeredAudio).toBeGreaterThan(0);
    const [record] = tlsSim!.sessions();
    expect(record!.details).toMatchObject({ auth: "subprotocol" }); // the runtime's WebSocket cannot set headers
    expect(record!.received.audio.seconds).toBeGreaterThan(1.5);
    expect(record!.agent.bargeIns).toBeGreaterThanOrEqual(1);
    expect(record!.agent.tools).toEqual([{ callId: "call_1", name: "get_weather", output: '{"city":"Paris","sky":"clear"}' }]);
    expect(record!.agent.spoke).toEqual(["greeting", "answer"]);
    // What the client said was heard is what the simulator recorded, for the turn it cut.
    expect(seen.truncated).toBeDefined();
    expect(record!.agent.heard).toEqual([{ turnId: seen.truncated!.item_id, heardMs: seen.truncated!.audio_end_ms }]);
    expect(record!.agent.configs[0]).toMatchObject({ instructions: "Answer weather questions briefly.", tools: [{ name: "get_weather" }] });
  }, 60_000);
});
