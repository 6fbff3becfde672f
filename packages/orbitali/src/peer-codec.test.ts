import type { ConnectPlan } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { INPUT_AUDIO, INPUT_AUDIO_PREFIX, REALTIME_SESSION_RESPONSE, STOP } from "../test/seed-004-frames.js";
import { planFromAnswer, readOrbitaliSession } from "./bootstrap.js";
import { createOrbitaliCodec } from "./client-codec.js";
import { createOrbitaliPeerCodec } from "./peer-codec.js";

const seedPlan = (): ConnectPlan => planFromAnswer(readOrbitaliSession(JSON.parse(REALTIME_SESSION_RESPONSE), "response"));
const peer = () => createOrbitaliPeerCodec(seedPlan());
const parsed = (frames: unknown[]) => frames.map((f) => JSON.parse(f as string));

describe("peer codec: agent events → the seed's server messages", () => {
  it("session-started → session.started with the callId", () => {
    expect(parsed(peer().encode({ type: "session-started", ids: { callId: "call_uuid" } }))).toEqual([
      { type: "session.started", callId: "call_uuid" },
    ]);
  });

  it("audio-chunk → output_audio with base64 PCM16, the encoding and the chunk's rate", () => {
    const [message] = parsed(peer().encode({ type: "audio-chunk", audio: Int16Array.from([0x7867, 0x7835, 0x7972]), sampleRate: 24000 }));
    expect(message).toEqual({ type: "output_audio", audio: "Z3g1eHJ5", encoding: "pcm16", sampleRate: 24000 });
  });

  it("playback-clear → clear; transcript-end → transcript with the document's roles", () => {
    expect(parsed(peer().encode({ type: "playback-clear" }))).toEqual([{ type: "clear" }]);
    expect(parsed(peer().encode({ type: "transcript-end", role: "agent", text: "Hello, how can I help?" }))).toEqual([
      { type: "transcript", role: "assistant", text: "Hello, how can I help?" },
    ]);
    expect(parsed(peer().encode({ type: "transcript-end", role: "user", text: "hi" }))).toEqual([{ type: "transcript", role: "user", text: "hi" }]);
  });

  it("events Orbitali has no message for encode to nothing", () => {
    const codec = peer();
    expect(codec.encode({ type: "session-accepted" })).toEqual([]);
    expect(codec.encode({ type: "session-ended", reason: "closed" })).toEqual([]);
    expect(codec.encode({ type: "transcript-delta", role: "agent", delta: "a", text: "a" })).toEqual([]);
    expect(codec.encode({ type: "agent-state", state: "speaking" })).toEqual([]);
  });
});

describe("peer codec: a client's messages → commands", () => {
  it("the seed's input_audio as printed (cut with '...') is an invalid_audio error", () => {
    expect(peer().decode(INPUT_AUDIO)).toEqual([expect.objectContaining({ type: "error", code: "invalid_audio", raw: INPUT_AUDIO })]);
  });

  it("its 12-character prefix is 9 bytes: odd for PCM16, also invalid_audio", () => {
    const frame = JSON.stringify({ type: "input_audio", audio: INPUT_AUDIO_PREFIX });
    const [event] = peer().decode(frame);
    expect(event).toMatchObject({ type: "error", code: "invalid_audio" });
    expect((event as { message: string }).message).toMatch(/odd|9 bytes/i);
  });

  it("input_audio → audio-append at the protocol's input rate; stop → session-stop", () => {
    const frame = JSON.stringify({ type: "input_audio", audio: "AQACAA==" });
    expect(peer().decode(frame)).toEqual([{ type: "audio-append", audio: Int16Array.from([1, 2]), sampleRate: 16000 }]);
    expect(peer().decode(STOP)).toEqual([{ type: "session-stop" }]);
  });

  it("a binary frame or bad JSON is an error; an unknown type passes through", () => {
    expect(peer().decode(new Uint8Array(4))[0]).toMatchObject({ type: "error", code: "protocol_violation" });
    expect(peer().decode("{")[0]).toMatchObject({ type: "error", code: "protocol_violation" });
    expect(peer().decode('{"type":"ping"}')).toEqual([{ type: "passthrough", name: "ping", payload: { type: "ping" }, raw: '{"type":"ping"}' }]);
  });
});

describe("both sides of the wire agree", () => {
  it("client audio reaches the peer sample for sample, and agent audio reaches the client", () => {
    const client = createOrbitaliCodec(seedPlan());
    const vendor = peer();
    const user = Int16Array.from({ length: 320 }, (_, i) => ((i * 211) % 65536) - 32768);
    const [frame] = client.encode({ type: "audio-append", audio: user, sampleRate: 16000 });
    expect(vendor.decode(frame!)).toEqual([{ type: "audio-append", audio: user, sampleRate: 16000 }]);

    const agent = Int16Array.from({ length: 480 }, (_, i) => ((i * 97) % 65536) - 32768);
    const [out] = vendor.encode({ type: "audio-chunk", audio: agent, sampleRate: 24000 });
    expect(client.decode(out!)).toEqual([{ type: "audio-chunk", audio: agent, sampleRate: 24000, raw: out }]);
  });
});
