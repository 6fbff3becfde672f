import { fc, test } from "@fast-check/vitest";
import type { InboundEvent } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { createdPlan, KEY } from "../test/fixtures.js";
import { omnia } from "./index.js";
import { words } from "./peer-codec.js";

const dialect = omnia({ apiKey: KEY, agentId: "agent_42", inputSampleRate: 16000, outputSampleRate: 48000 });
const plan = createdPlan(dialect);
const peer = () => dialect.createPeerCodec!(plan);
const parse = (frames: unknown[]) => frames.map((f) => JSON.parse(f as string));

describe("call-create peer codec: agent events to frames", () => {
  it("a transcript delta goes out word by word, the end as the whole text", () => {
    const p = peer();
    expect(parse(p.encode({ type: "transcript-delta", role: "agent", delta: "Hello, how can I help?", text: "Hello, how can I help?" }))).toEqual([
      { type: "transcript", role: "agent", delta: "Hello, ", final: false },
      { type: "transcript", role: "agent", delta: "how ", final: false },
      { type: "transcript", role: "agent", delta: "can ", final: false },
      { type: "transcript", role: "agent", delta: "I ", final: false },
      { type: "transcript", role: "agent", delta: "help?", final: false },
    ]);
    expect(parse(p.encode({ type: "transcript-end", role: "user", text: "[speech 1.2 s]" }))).toEqual([
      { type: "transcript", role: "user", text: "[speech 1.2 s]", final: true },
    ]);
  });

  it("session start, state, barge-in, debug and errors are their messages; audio is raw PCM16", () => {
    const p = peer();
    const one = (event: InboundEvent) => parse(p.encode(event))[0];
    expect(one({ type: "session-started", ids: { callId: "c-1" } })).toEqual({ type: "call_started", callId: "c-1" });
    expect(one({ type: "agent-state", state: "thinking" })).toEqual({ type: "state", state: "thinking" });
    expect(one({ type: "playback-clear" })).toEqual({ type: "playback_clear_buffer" });
    expect(one({ type: "debug", message: "vad" })).toEqual({ type: "debug", message: "vad" });
    expect(one({ type: "error", code: "x", message: "bad", fatal: false, retryable: false })).toEqual({ type: "error", message: "bad" });
    const [audio] = p.encode({ type: "audio-chunk", audio: new Int16Array([256, -1]), sampleRate: 48000 });
    expect(Array.from(audio as Uint8Array)).toEqual([0x00, 0x01, 0xff, 0xff]);
  });

  it("acceptance, the end, DTMF and transfers have no message; a pass-through is resent as it came", () => {
    const p = peer();
    expect(p.encode({ type: "session-accepted" })).toEqual([]);
    expect(p.encode({ type: "session-ending" })).toEqual([]);
    expect(p.encode({ type: "session-ended", reason: "closed" })).toEqual([]);
    expect(p.encode({ type: "dtmf-received", digit: "1" })).toEqual([]);
    expect(p.encode({ type: "transfer-requested" })).toEqual([]);
    expect(p.encode({ type: "passthrough", name: "pong", payload: {}, raw: '{"type":"pong","timestamp":1}' })).toEqual([
      '{"type":"pong","timestamp":1}',
    ]);
    expect(parse(p.encode({ type: "passthrough", name: "x", payload: { a: 1 } }))).toEqual([{ type: "x", payload: { a: 1 } }]);
  });
});

describe("call-create peer codec: client frames to commands", () => {
  it("binary is user audio at the created input rate; odd lengths are reported", () => {
    expect(peer().decode(new Uint8Array([1, 0, 2, 0]))).toMatchObject([{ type: "audio-append", sampleRate: 16000 }]);
    expect(peer().decode(new Uint8Array(3))).toMatchObject([{ type: "error", code: "invalid_audio" }]);
  });

  it("Ultravox's hang_up is a stop; other text passes through; malformed text is an error", () => {
    expect(peer().decode('{"type":"hang_up","message":"Bye"}')).toEqual([{ type: "session-stop", reason: "Bye" }]);
    expect(peer().decode('{"type":"hang_up"}')).toEqual([{ type: "session-stop" }]);
    expect(peer().decode('{"type":"ping","timestamp":1}')).toMatchObject([{ type: "passthrough", name: "ping", payload: { timestamp: 1 } }]);
    expect(peer().decode("{bad")).toMatchObject([{ type: "error", code: "protocol_violation" }]);
  });
});

describe("peer to client round trip", () => {
  const role = fc.constantFrom("user" as const, "agent" as const);
  const turn = fc.record({ role, pieces: fc.array(fc.string(), { maxLength: 6 }) });

  test.prop([fc.array(turn, { maxLength: 8 })])("the client recovers each turn's text from the word deltas and the final", (turns) => {
    const p = peer();
    const client = dialect.createCodec(plan, codecEnv());
    for (const { role, pieces } of turns) {
      let text = "";
      const frames = pieces.flatMap((delta) => {
        text += delta;
        return p.encode({ type: "transcript-delta", role, delta, text });
      });
      frames.push(...p.encode({ type: "transcript-end", role, text }));
      const events = frames.flatMap((f) => client.decode(f));
      const deltas = events.filter((e) => e.type === "transcript-delta");
      if (deltas.length > 0) expect(deltas.at(-1)).toMatchObject({ role, text });
      expect(events.at(-1)).toMatchObject({ type: "transcript-end", role, text });
    }
  });

  test.prop([fc.string()])("words() splits text into pieces that join back exactly, none empty", (text) => {
    const pieces = words(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.every((p) => p.length > 0)).toBe(true);
  });
});
