// The shared /media path on a real socket: a stream no leg claims, or one whose claimed leg's
// signature fails, is closed with 1008; a claimed one reaches its leg with every held message.
import { twilioSignature } from "@voxwire/twilio";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createPhoneBridge } from "../src/index.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const unusedAgent = {
  specVersion: 2 as const,
  name: "unused",
  role: "client" as const,
  capabilities: {} as never,
  prepare() {
    throw new Error("not dialed in these tests");
  },
  createCodec() {
    throw new Error("not dialed in these tests");
  },
};

async function start() {
  const server = await createPhoneBridge({
    agent: unusedAgent,
    carriers: "auto",
    allowUnsigned: true,
    settings: { signalwire: { signingKey: "key" } },
    port: 0,
    publicUrl: "https://a.example",
  });
  closers.push(() => server.close());
  return server;
}

function send(url: string, frames: string[], headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once("open", () => {
      for (const frame of frames) ws.send(frame);
    });
    ws.once("close", (code) => resolve(code));
    ws.once("error", () => {});
  });
}

describe("the shared /media path", () => {
  it("closes with 1008 a stream no carrier claims", async () => {
    const server = await start();
    expect(await send(`ws://127.0.0.1:${server.port}/media`, ['{"event":"hello"}'])).toBe(1008);
  });

  it("closes with 1008 a stream whose carrier's signature does not match", async () => {
    const server = await start();
    const frames = [
      '{"event":"connected","protocol":"Call","version":"1.0.0"}',
      '{"event":"start","streamSid":"S","start":{"callSid":"C","streamSid":"S"}}',
    ];
    const bad = { "x-signalwire-signature": twilioSignature("wrong-key", "wss://a.example/media") };
    expect(await send(`ws://127.0.0.1:${server.port}/media`, frames, bad)).toBe(1008);
    expect(server.calls()).toHaveLength(0);
  });

  it("a claimed stream becomes a call of its carrier", async () => {
    const server = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/media`);
    ws.on("error", () => {});
    await new Promise((resolve) => ws.once("open", resolve));
    ws.send('{"event":"connected","version":"1.0.0"}');
    ws.send(
      '{"event":"start","sequence_number":"1","stream_id":"S1","start":{"call_control_id":"v3:c1","media_format":{"encoding":"PCMU","sample_rate":8000,"channels":1}}}',
    );
    const deadline = Date.now() + 5000;
    while (server.calls()[0]?.call === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(server.calls()[0]!.call).toMatchObject({ carrier: "telnyx", callId: "v3:c1", streamId: "S1" });
    ws.close();
  });
});
