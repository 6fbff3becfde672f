import { base64Encode, type ConnectPlan, type InboundEvent, mulawDecode, mulawEncode, pcm16ToBytes } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { createOpenaiCodec as createCodec } from "./client-codec.js";
import { createOpenaiPeerCodec } from "./peer-codec.js";
import { OPENAI_AUDIO } from "./wire.js";

const planFor = (audio: "pcm16" | "pcmu" | "pcma"): ConnectPlan => ({
  url: "wss://api.openai.com/v1/realtime?model=m",
  audio: { outbound: OPENAI_AUDIO[audio].format, inbound: OPENAI_AUDIO[audio].format },
  secrets: [],
});
const createOpenaiCodec = (plan: ConnectPlan) => createCodec(plan, codecEnv());
const frame = (message: Record<string, unknown>) => JSON.stringify(message);
const only = <T extends InboundEvent["type"]>(events: InboundEvent[], type: T) => {
  expect(events).toHaveLength(1);
  expect(events[0]!.type).toBe(type);
  return events[0] as Extract<InboundEvent, { type: T }>;
};
const error = (code: string | undefined, type = "invalid_request_error", message = "m") =>
  frame({ type: "error", event_id: "event_1", error: { type, ...(code ? { code } : {}), message } });

describe("client codec: decode", () => {
  it("session.created → session-started with the session id; the rest in metadata", () => {
    const codec = createOpenaiCodec(planFor("pcm16"));
    const started = only(
      codec.decode(frame({ type: "session.created", event_id: "e", session: { id: "sess_1", type: "realtime" } })),
      "session-started",
    );
    expect(started.ids).toEqual({ session_id: "sess_1" });
    expect(started.metadata).toEqual({ event_id: "e", session: { id: "sess_1", type: "realtime" } });
    expect(only(codec.decode(frame({ type: "session.created" })), "session-started").ids).toEqual({});
  });

  it("response.output_audio.delta → audio-chunk at 24 kHz (PCM16) or 8 kHz (μ-law decoded)", () => {
    const pcm = Int16Array.from([1, -2, 300, -32768]);
    const chunk = only(
      createOpenaiCodec(planFor("pcm16")).decode(frame({ type: "response.output_audio.delta", delta: base64Encode(pcm16ToBytes(pcm)) })),
      "audio-chunk",
    );
    expect(Array.from(chunk.audio)).toEqual(Array.from(pcm));
    expect(chunk.sampleRate).toBe(24000);
    const codes = Uint8Array.from([0, 0x7f, 0x80, 0xff, 0x12]);
    const mu = only(
      createOpenaiCodec(planFor("pcmu")).decode(frame({ type: "response.output_audio.delta", delta: base64Encode(codes) })),
      "audio-chunk",
    );
    expect(Array.from(mu.audio)).toEqual(Array.from(mulawDecode(codes)));
    expect(mu.sampleRate).toBe(8000);
  });

  it("bad audio and binary frames are reported, never fatal", () => {
    const codec = createOpenaiCodec(planFor("pcm16"));
    for (const delta of ["@@", "AQID", 42, undefined]) {
      const e = only(codec.decode(frame({ type: "response.output_audio.delta", delta })), "error");
      expect([e.code, e.fatal]).toEqual(["invalid_audio", false]);
    }
    const bin = only(codec.decode(new Uint8Array([1, 2])), "error");
    expect([bin.code, bin.fatal]).toEqual(["protocol_violation", false]);
  });

  it("speech_started → speech-started, then playback-clear naming the agent item whose audio came last; speech_stopped → speech-stopped", () => {
    const codec = createOpenaiCodec(planFor("pcm16"));
    const started = frame({ type: "input_audio_buffer.speech_started", audio_start_ms: 10, item_id: "item_user" });
    expect(codec.decode(started)).toEqual([
      { type: "speech-started", raw: started },
      { type: "playback-clear", raw: started },
    ]);
    const chunk = codec.decode(frame({ type: "response.output_audio.delta", item_id: "item_agent", delta: base64Encode(new Uint8Array(4)) }));
    expect(chunk).toMatchObject([{ type: "audio-chunk", turnId: "item_agent" }]);
    expect(codec.decode(started)).toMatchObject([{ type: "speech-started" }, { type: "playback-clear", turnId: "item_agent" }]);
    only(codec.decode(frame({ type: "input_audio_buffer.speech_stopped", audio_end_ms: 900, item_id: "item_user" })), "speech-stopped");
  });

  it("transcript deltas carry the text so far per role; the final event's transcript ends the turn", () => {
    const codec = createOpenaiCodec(planFor("pcm16"));
    const decode = (type: string, fields: Record<string, unknown>) => codec.decode(frame({ type, ...fields }))[0];
    expect(decode("response.output_audio_transcript.delta", { delta: "Hel" })).toMatchObject({
      type: "transcript-delta",
      role: "agent",
      delta: "Hel",
      text: "Hel",
    });
    expect(decode("conversation.item.input_audio_transcription.delta", { delta: "Hi" })).toMatchObject({ role: "user", text: "Hi" });
    expect(decode("response.output_audio_transcript.delta", { delta: "lo" })).toMatchObject({ role: "agent", delta: "lo", text: "Hello" });
    expect(decode("response.output_audio_transcript.done", { transcript: "Hello!" })).toMatchObject({
      type: "transcript-end",
      role: "agent",
      text: "Hello!",
    });
    expect(decode("conversation.item.input_audio_transcription.completed", { transcript: "Hi there" })).toMatchObject({
      type: "transcript-end",
      role: "user",
      text: "Hi there",
    });
    expect(decode("response.output_audio_transcript.delta", { delta: "Next" })).toMatchObject({ text: "Next" });
    // A final event without a string transcript is not guessed at.
    expect(decode("response.output_audio_transcript.done", { transcript: 7 })).toMatchObject({ type: "passthrough" });
  });

  it.each([
    ["invalid_api_key", "invalid_request_error", "auth_failed", true],
    ["session_expired", "invalid_request_error", "token_expired", true],
    ["rate_limit_exceeded", "rate_limit_error", "concurrency_limit", true],
    [undefined, "rate_limit_error", "concurrency_limit", true],
    ["invalid_value", "invalid_request_error", "vendor_error", false],
    [undefined, "server_error", "vendor_error", false],
  ])("error %s (%s) → %s", (code, type, expected, fatal) => {
    const e = only(createOpenaiCodec(planFor("pcm16")).decode(error(code, type, "the peer's words")), "error");
    expect([e.code, e.fatal]).toEqual([expected, fatal]);
    expect(e.error?.vendorCode).toBe(code ?? type);
    expect(e.message).toContain("the peer's words");
  });

  it("what the model has no event for passes through whole (the function_call item included: the call is read once)", () => {
    only(createOpenaiCodec(planFor("pcm16")).decode(frame({ type: "session.updated", session: {} })), "passthrough");
    const item = {
      type: "response.output_item.done",
      item: { type: "function_call", call_id: "c", name: "f", arguments: "{}", status: "completed" },
    };
    const p = only(createOpenaiCodec(planFor("pcm16")).decode(frame(item)), "passthrough");
    expect([p.name, p.payload]).toEqual([item.type, item]);
  });

  it("transcripts name their item as turnId", () => {
    const codec = createOpenaiCodec(planFor("pcm16"));
    expect(codec.decode(frame({ type: "response.output_audio_transcript.delta", item_id: "item_a", delta: "Hi" }))).toMatchObject([
      { type: "transcript-delta", role: "agent", turnId: "item_a" },
    ]);
    expect(codec.decode(frame({ type: "conversation.item.input_audio_transcription.completed", item_id: "item_u", transcript: "yo" }))).toMatchObject(
      [{ type: "transcript-end", role: "user", turnId: "item_u" }],
    );
  });
});

describe("client codec: encode", () => {
  it("audio-append → input_audio_buffer.append, PCM16 or μ-law in base64; a stop and a playback-clear have no frame", () => {
    const pcm = Int16Array.from({ length: 480 }, (_, i) => (i * 97) % 2000);
    const [out] = createOpenaiCodec(planFor("pcm16")).encode({ type: "audio-append", audio: pcm, sampleRate: 24000 });
    expect(JSON.parse(out as string)).toEqual({ type: "input_audio_buffer.append", audio: base64Encode(pcm16ToBytes(pcm)) });
    const mu = createOpenaiCodec(planFor("pcmu"));
    const small = pcm.subarray(0, 160);
    const [first] = mu.encode({ type: "audio-append", audio: small, sampleRate: 8000 });
    const [second] = mu.encode({ type: "audio-append", audio: small.subarray(0, 80), sampleRate: 8000 });
    expect(JSON.parse(first as string).audio).toBe(base64Encode(mulawEncode(small)));
    expect(JSON.parse(second as string).audio).toBe(base64Encode(mulawEncode(small.subarray(0, 80))));
    expect(mu.encode({ type: "session-stop" })).toEqual([]);
    expect(mu.encode({ type: "playback-clear" })).toEqual([]);
  });

  it("audio at another rate than the session's is a programming error", () => {
    expect(() => createOpenaiCodec(planFor("pcm16")).encode({ type: "audio-append", audio: new Int16Array(160), sampleRate: 8000 })).toThrow(
      /24000 Hz/,
    );
  });
});

describe("client codec: refusals", () => {
  it("HTTP 401/403 → auth_failed, 429 → concurrency_limit, with error.code as vendorCode", () => {
    const codec = createOpenaiCodec(planFor("pcm16"));
    const body = (code: string) => JSON.stringify({ error: { type: "invalid_request_error", code, message: "x" } });
    expect([codec.upgradeRejected(401, body("invalid_api_key")).code, codec.upgradeRejected(401, body("invalid_api_key")).vendorCode]).toEqual([
      "auth_failed",
      "invalid_api_key",
    ]);
    expect(codec.upgradeRejected(403, body("x_y")).code).toBe("auth_failed");
    expect(codec.upgradeRejected(429, body("rate_limit_exceeded")).code).toBe("concurrency_limit");
  });

  it("closes get core's default classification", () => {
    expect(createOpenaiCodec(planFor("pcm16")).close(1000, "")).toEqual([{ type: "session-ended", reason: "closed", code: 1000 }]);
  });
});

describe("peer codec: frames with no source frame (the simulator's agent)", () => {
  it("builds GA events with fresh ids, one response per agent turn", () => {
    const peer = createOpenaiPeerCodec(planFor("pcm16"));
    const read = (event: InboundEvent) => JSON.parse(peer.encode(event)[0] as string);
    const started = read({ type: "session-started", ids: { session_id: "sess_9" } });
    expect(started).toMatchObject({ type: "session.created", session: { id: "sess_9", type: "realtime" } });
    const a = read({ type: "audio-chunk", audio: new Int16Array(4), sampleRate: 24000 });
    const b = read({ type: "transcript-delta", role: "agent", delta: "Hi", text: "Hi" });
    expect(a).toMatchObject({ type: "response.output_audio.delta", output_index: 0, content_index: 0 });
    expect([b.response_id, b.item_id]).toEqual([a.response_id, a.item_id]);
    const end = read({ type: "transcript-end", role: "agent", text: "Hi" });
    expect(end).toMatchObject({ type: "response.output_audio_transcript.done", transcript: "Hi", response_id: a.response_id });
    const next = read({ type: "audio-chunk", audio: new Int16Array(4), sampleRate: 24000 });
    expect(next.response_id).not.toBe(a.response_id);
    expect(read({ type: "transcript-end", role: "user", text: "yo" })).toMatchObject({
      type: "conversation.item.input_audio_transcription.completed",
      transcript: "yo",
    });
    expect(peer.encode({ type: "agent-state", state: "speaking" })).toEqual([]);
  });

  it("speech_started says when the caller's speech began, from the audio heard", () => {
    const peer = createOpenaiPeerCodec(planFor("pcm16"));
    const pcm = new Int16Array(2400);
    const decoded = peer.decode(JSON.stringify({ type: "input_audio_buffer.append", audio: base64Encode(pcm16ToBytes(pcm)) }));
    expect(decoded).toMatchObject([{ type: "audio-append", sampleRate: 24000 }]);
    expect(JSON.parse(peer.encode({ type: "playback-clear" })[0] as string)).toMatchObject({
      type: "input_audio_buffer.speech_started",
      audio_start_ms: 100,
    });
    expect(peer.decode(JSON.stringify({ type: "response.create" }))).toMatchObject([{ type: "passthrough", name: "response.create" }]);
  });
});
