// The vendor's own code judges the simulator: ElevenLabs' `@elevenlabs/client` (its current major
// needs Node 22's global WebSocket; installed from the npm registry by the project's scripts)
// completes a scripted turn against `voxwire simulate elevenlabs`'s front, with `origin` pointed at
// it: a text conversation with a client tool call answered, and a voice one over the WebSocket
// with audio both ways, a barge-in (the simulator also sends late audio of the cut turn, which the
// client's own event-id filter must drop), pings answered, and no warning from the client. Skipped,
// saying why, when Node 22 or the package cannot be installed (no registry).
import { fileURLToPath } from "node:url";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { installOfficialClient, nodeUnavailable, type OfficialClient, runUnderNode } from "@voxwire/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { elevenlabsFront } from "../src/testing/index.js";

const CLIENT = "@elevenlabs/client";
const VERSION = "1.25.0";
const AGENT = "agent_voxwire_official_client";
const STALE_FRAMES = 3;
const FIXTURE = fileURLToPath(new URL("./fixtures/elevenlabs-client.mjs", import.meta.url));

let sim: Simulator | undefined;
let setup: OfficialClient;

interface Seen {
  text: { messages: { source: string; message: string }[]; toolCalls: unknown[]; events: string[]; disconnect?: string };
  voice: {
    audioChunks: number;
    audioBytes: number;
    audioEvents: number;
    interruptions: number;
    toolCalls: unknown[];
    messages: { source: string; message: string }[];
    events: string[];
    inputFormat: { format: string; sampleRate: number };
  };
  complaints: string[];
}

describe(`ElevenLabs' own ${CLIENT} against the ElevenLabs simulator`, () => {
  beforeAll(async () => {
    const noNode = await nodeUnavailable(22);
    setup = noNode ? { skip: noNode } : installOfficialClient({ name: CLIENT, version: VERSION, fixture: FIXTURE });
    if ("dir" in setup) {
      sim = await startSimulator({
        front: elevenlabsFront({ pingIntervalMs: 150, staleAudioFrames: STALE_FRAMES }),
        fast: true,
        script: { greeting: "greeting", answers: ["answer"], toolCall: { name: "lookup_order", arguments: { order: "A-1" } } },
      });
    }
  }, 180_000);
  afterAll(async () => {
    await sim?.close();
  });

  it("talks in text and voice: a client tool answered, audio both ways, a barge-in with late audio dropped, pings answered, no warning", async (context) => {
    if ("skip" in setup) {
      console.warn(`skipped: ${setup.skip}`);
      context.skip(setup.skip);
      return;
    }
    const run = await runUnderNode(22, setup.script, [sim!.url, AGENT], { cwd: setup.dir, timeoutMs: 30_000 });
    expect(run.code, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Seen;
    if (process.env.VOXWIRE_DEBUG) console.log(JSON.stringify(seen, null, 1));
    expect(seen.complaints).toEqual([]);

    // Text: the greeting, the typed question, the tool call answered by clientTools, the answer.
    expect(seen.text.toolCalls).toEqual([{ order: "A-1" }]);
    expect(seen.text.messages.filter((m) => m.source === "ai").length).toBeGreaterThanOrEqual(2);
    expect(seen.text.events).toEqual(expect.arrayContaining(["agent_response", "client_tool_call", "ping"]));
    expect(seen.text.events).not.toContain("audio"); // text-only mode carries no audio

    // Voice: audio both ways, the barge-in, the tool call, the answer.
    expect(seen.voice.inputFormat).toEqual({ format: "pcm", sampleRate: 16000 });
    expect(seen.voice.audioBytes).toBeGreaterThan(16000); // more than half a second of 16 kHz PCM16
    expect(seen.voice.interruptions).toBe(1);
    expect(seen.voice.toolCalls).toEqual([{ order: "A-1" }]);
    // The client's own filter dropped the cut turn's late audio (older event ids than the interruption).
    expect(seen.voice.audioEvents - seen.voice.audioChunks).toBe(STALE_FRAMES);

    const records = sim!.sessions();
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record.close?.reason).not.toBe("ping_timeout");
      expect(record.agent.tools).toEqual([expect.objectContaining({ name: "lookup_order", output: expect.any(String) })]);
    }
    const [textRecord, voiceRecord] = records;
    expect(textRecord!.agent.texts).toEqual(["Where is my order?"]);
    expect(voiceRecord!.received.audio.seconds).toBeGreaterThan(1.5);
    expect(voiceRecord!.agent.bargeIns).toBe(1);
  }, 60_000);
});
