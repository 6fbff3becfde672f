import { base64Encode, type ConnectPlan, type InboundEvent } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import {
  CLEAR,
  OUTPUT_AUDIO,
  OUTPUT_AUDIO_PREFIX,
  OUTPUT_AUDIO_PREFIX_SAMPLES,
  REALTIME_SESSION_RESPONSE,
  SESSION_STARTED,
  STOP,
  TRANSCRIPT,
} from "../test/seed-004-frames.js";
import { planFromAnswer, readOrbitaliSession } from "./bootstrap.js";
import { createOrbitaliCodec } from "./client-codec.js";

const seedPlan = (): ConnectPlan => planFromAnswer(readOrbitaliSession(JSON.parse(REALTIME_SESSION_RESPONSE), "response"));
const decode = (frame: string | Uint8Array, plan = seedPlan()): InboundEvent[] => createOrbitaliCodec(plan).decode(frame);
const outputAudio = (fields: Record<string, unknown>) => JSON.stringify({ type: "output_audio", ...fields });

describe("client codec: the Orbitali guide's frames", () => {
  it("session.started → session-started with the callId", () => {
    expect(decode(SESSION_STARTED)).toEqual([{ type: "session-started", ids: { callId: "call_uuid" }, raw: SESSION_STARTED }]);
  });

  it("clear → playback-clear", () => {
    expect(decode(CLEAR)).toEqual([{ type: "playback-clear", raw: CLEAR }]);
  });

  it("transcript with role assistant → transcript-end by the agent", () => {
    expect(decode(TRANSCRIPT)).toEqual([{ type: "transcript-end", role: "agent", text: "Hello, how can I help?", raw: TRANSCRIPT }]);
  });

  it("output_audio as printed (cut short with '...') is invalid base64: an invalid_audio error, not fatal, no audio", () => {
    const [event, ...rest] = decode(OUTPUT_AUDIO);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: "error", code: "invalid_audio", fatal: false, raw: OUTPUT_AUDIO });
  });

  it("output_audio with the printed payload's valid prefix → an audio chunk at the plan's inbound rate", () => {
    const frame = outputAudio({ audio: OUTPUT_AUDIO_PREFIX, encoding: "pcm16", sampleRate: 24000 });
    const [event] = decode(frame);
    expect(event).toMatchObject({ type: "audio-chunk", sampleRate: 24000, raw: frame });
    expect(Array.from((event as { audio: Int16Array }).audio)).toEqual(OUTPUT_AUDIO_PREFIX_SAMPLES);
  });

  it("encodes session-stop as the seed's stop message", () => {
    expect(createOrbitaliCodec(seedPlan()).encode({ type: "session-stop" })).toEqual([STOP]);
  });
});

describe("client codec: output_audio is checked against the plan", () => {
  const pcm = base64Encode(new Uint8Array([1, 0, 2, 0]));

  it("takes the rate from the plan, not a constant", () => {
    const plan = seedPlan();
    const at48k: ConnectPlan = { ...plan, audio: { ...plan.audio, inbound: { encoding: "pcm16", sampleRate: 48000 } } };
    expect(decode(outputAudio({ audio: pcm, encoding: "pcm16", sampleRate: 48000 }), at48k)[0]).toMatchObject({
      type: "audio-chunk",
      sampleRate: 48000,
    });
    expect(decode(outputAudio({ audio: pcm, encoding: "pcm16", sampleRate: 24000 }), at48k)[0]).toMatchObject({
      type: "error",
      code: "invalid_audio",
    });
  });

  it.each([
    ["another rate", { sampleRate: 16000, encoding: "pcm16" }, "16000 Hz"],
    ["a rate that is not a number", { sampleRate: "24000", encoding: "pcm16" }, "24000 Hz"],
    ["another encoding", { sampleRate: 24000, encoding: "mulaw" }, '"mulaw"'],
  ])("%s is an invalid_audio error event naming it, not audio", (_name, fields, named) => {
    const frame = outputAudio({ audio: pcm, ...fields });
    const events = decode(frame);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "error", code: "invalid_audio", fatal: false, raw: frame });
    expect((events[0] as { message: string }).message).toContain(named);
  });

  it("a chunk without encoding and sampleRate is read at the plan's format", () => {
    expect(decode(outputAudio({ audio: pcm }))[0]).toMatchObject({ type: "audio-chunk", sampleRate: 24000 });
  });

  it.each([
    ["invalid base64", "@@@@"],
    ["a lone trailing character", "AAAAA"],
    ["whitespace", "AA AA"],
    ["an odd byte count", base64Encode(new Uint8Array([1, 2, 3]))],
    ["a number instead of a string", 42],
    ["no audio field", undefined],
  ])("%s is an invalid_audio error, not fatal, and the next chunk decodes", (_name, audio) => {
    const codec = createOrbitaliCodec(seedPlan());
    const bad = outputAudio(audio === undefined ? {} : { audio });
    expect(codec.decode(bad)).toEqual([expect.objectContaining({ type: "error", code: "invalid_audio", fatal: false, retryable: false, raw: bad })]);
    expect(codec.decode(outputAudio({ audio: pcm }))[0]).toMatchObject({ type: "audio-chunk" });
  });
});

describe("client codec: other frames", () => {
  it("a binary frame is a protocol error event (Orbitali is JSON text only)", () => {
    const frame = new Uint8Array([0, 1, 2, 3]);
    expect(decode(frame)).toEqual([expect.objectContaining({ type: "error", code: "protocol_violation", fatal: false, raw: frame })]);
  });

  it("malformed JSON and a message without a type are protocol errors", () => {
    expect(decode('{"type":"clear"')[0]).toMatchObject({ type: "error", code: "protocol_violation" });
    expect(decode('{"kind":"clear"}')[0]).toMatchObject({ type: "error", code: "protocol_violation" });
  });

  it("an unknown type passes through whole", () => {
    const frame = '{"type":"agent.thinking","depth":3}';
    expect(decode(frame)).toEqual([{ type: "passthrough", name: "agent.thinking", payload: { type: "agent.thinking", depth: 3 }, raw: frame }]);
  });

  it.each([
    ["user", "user"],
    ["agent", "agent"],
    ["assistant", "agent"],
  ])("transcript role %s → %s", (wire, role) => {
    const frame = JSON.stringify({ type: "transcript", role: wire, text: "hi" });
    expect(decode(frame)).toEqual([{ type: "transcript-end", role, text: "hi", raw: frame }]);
  });

  it.each([
    ["an unknown role", { role: "system", text: "x" }],
    ["no role", { text: "x" }],
    ["a role inherited from Object.prototype", { role: "toString", text: "x" }],
    ["no text", { role: "assistant" }],
  ])("a transcript with %s passes through whole", (_name, fields) => {
    const frame = JSON.stringify({ type: "transcript", ...fields });
    expect(decode(frame)).toEqual([{ type: "passthrough", name: "transcript", payload: { type: "transcript", ...fields }, raw: frame }]);
  });

  it("session.started keeps other fields as metadata, and tolerates a missing callId", () => {
    const frame = JSON.stringify({ type: "session.started", callId: "c1", agentId: "a1", region: "eu" });
    expect(decode(frame)).toEqual([{ type: "session-started", ids: { callId: "c1", agentId: "a1" }, metadata: { region: "eu" }, raw: frame }]);
    expect(decode('{"type":"session.started"}')).toEqual([{ type: "session-started", ids: {}, raw: '{"type":"session.started"}' }]);
  });
});

describe("client codec: encode", () => {
  it("audio-append → input_audio with base64 PCM16 little-endian", () => {
    const audio = Int16Array.from([1, -1, 0x1234, -32768]);
    const [frame] = createOrbitaliCodec(seedPlan()).encode({ type: "audio-append", audio, sampleRate: 16000 });
    const message = JSON.parse(frame as string);
    expect(Object.keys(message)).toEqual(["type", "audio"]);
    expect(message.type).toBe("input_audio");
    expect([...Buffer.from(message.audio, "base64")]).toEqual([1, 0, 0xff, 0xff, 0x34, 0x12, 0x00, 0x80]);
  });

  it("audio at another rate than the plan's input rate is refused", () => {
    const codec = createOrbitaliCodec(seedPlan());
    expect(() => codec.encode({ type: "audio-append", audio: new Int16Array(4), sampleRate: 24000 })).toThrow(/16000 Hz/);
  });

  it("has no message for playback-clear, marks or DTMF", () => {
    const codec = createOrbitaliCodec(seedPlan());
    expect(codec.encode({ type: "playback-clear" })).toEqual([]);
    expect(codec.encode({ type: "mark", name: "m" })).toEqual([]);
    expect(codec.encode({ type: "dtmf-send", digit: "5" })).toEqual([]);
  });

  it("is always ready: nothing to wait for before audio", () => {
    expect(createOrbitaliCodec(seedPlan()).ready).toBe(true);
  });
});

describe("client codec: closes and refused upgrades", () => {
  const codec = () => createOrbitaliCodec(seedPlan());

  it("a clean close ends without an error", () => {
    expect(codec().close(1000, "")).toEqual([{ type: "session-ended", reason: "closed", code: 1000 }]);
  });

  it.each([
    ["token_expired", "token_expired", true],
    ["token_already_used", "token_expired", true],
    ["token_invalid", "auth_failed", false],
    ["", "auth_failed", false],
  ])("close 4401 %j → %s", (reason, code, retryable) => {
    const [error, ended] = codec().close(4401, reason);
    expect(error).toMatchObject({ type: "error", code, fatal: true, retryable });
    if (reason) expect(error).toMatchObject({ error: expect.objectContaining({ vendorCode: reason }) });
    expect(ended).toEqual({ type: "session-ended", reason: code, code: 4401 });
  });

  it("an HTTP 401 at the upgrade naming the refusal maps the same way", () => {
    expect(codec().upgradeRejected(401, '{"error":{"code":"token_expired"}}')).toMatchObject({ code: "token_expired", retryable: true });
    expect(codec().upgradeRejected(401, '{"error":"token_already_used"}')).toMatchObject({ code: "token_expired", vendorCode: "token_already_used" });
    expect(codec().upgradeRejected(401, "nope")).toMatchObject({ code: "auth_failed" });
    expect(codec().upgradeRejected(429, "")).toMatchObject({ code: "concurrency_limit" });
  });
});
