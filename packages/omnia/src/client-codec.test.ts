import { AudioDataError, AuthError, ConcurrencyLimitError, type InboundEvent, ProtocolError, TokenExpiredError, VendorError } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { createdPlan, KEY, SOCKET_URL } from "../test/fixtures.js";
import { omnia } from "./index.js";

const dialect = omnia({ apiKey: KEY, agentId: "agent_42", inputSampleRate: 16000, outputSampleRate: 24000 });
const plan = createdPlan(dialect);
const codec = () => dialect.createCodec(plan, codecEnv());
const text = (value: unknown) => JSON.stringify(value);

describe("call-create client codec: server messages", () => {
  it("playback_clear_buffer is a playback clear", () => {
    const frame = text({ type: "playback_clear_buffer" });
    expect(codec().decode(frame)).toEqual([{ type: "playback-clear", raw: frame }]);
  });

  it("each known state is an agent state, repeats included (the codec keeps no state)", () => {
    const c = codec();
    for (const state of ["idle", "listening", "thinking", "speaking", "speaking"] as const) {
      const frame = text({ type: "state", state });
      expect(c.decode(frame)).toEqual([{ type: "agent-state", state, raw: frame }]);
    }
  });

  it("an unknown or missing state passes through whole", () => {
    for (const message of [{ type: "state", state: "dreaming" }, { type: "state" }, { type: "state", state: 3 }]) {
      const frame = text(message);
      expect(codec().decode(frame)).toEqual([{ type: "passthrough", name: "state", payload: message, raw: frame }]);
    }
  });

  it("call_started is the session start, with ids and the rest as metadata", () => {
    const bare = text({ type: "call_started" });
    expect(codec().decode(bare)).toEqual([{ type: "session-started", ids: {}, raw: bare }]);
    const rich = text({ type: "call_started", callId: "c-9", agent: { name: "x" } });
    expect(codec().decode(rich)).toEqual([{ type: "session-started", ids: { callId: "c-9" }, metadata: { agent: { name: "x" } }, raw: rich }]);
  });

  it("error{message} is a typed, non-fatal VendorError event", () => {
    const frame = text({ type: "error", message: "Agent crashed", code: "agent_failure" });
    const [event] = codec().decode(frame);
    expect(event).toMatchObject({ type: "error", code: "vendor_error", fatal: false, retryable: false, raw: frame });
    expect((event as { message: string }).message).toBe("[voxwire/omnia] the agent reported an error: Agent crashed");
    const error = (event as { error: unknown }).error;
    expect(error).toBeInstanceOf(VendorError);
    expect(error).toMatchObject({ vendorCode: "agent_failure" });
  });

  it("error without a message says what the guide's client says; a credential in it is redacted", () => {
    expect(codec().decode(text({ type: "error" }))[0]).toMatchObject({ message: "[voxwire/omnia] the agent reported an error: Unknown error" });
    const [event] = codec().decode(text({ type: "error", message: `cannot join ${SOCKET_URL}` }));
    // `raw` is the frame as received (the runtime never logs it); message and error are clean.
    expect(JSON.stringify({ ...event, raw: undefined })).not.toContain("tok_9f8e7d6c5b4a39281706");
    expect((event as { error: Error }).error.message).not.toContain(SOCKET_URL);
  });

  it("debug{message} is a debug event; a missing or structured message is still text", () => {
    const frame = text({ type: "debug", message: "vad: speech start" });
    expect(codec().decode(frame)).toEqual([{ type: "debug", message: "vad: speech start", raw: frame }]);
    expect(codec().decode(text({ type: "debug" }))[0]).toMatchObject({ type: "debug", message: "" });
    expect(codec().decode(text({ type: "debug", message: { a: 1 } }))[0]).toMatchObject({ type: "debug", message: '{"a":1}' });
  });

  it("anything else passes through whole", () => {
    const message = { type: "usage", seconds: 12, nested: { a: [1] } };
    const frame = text(message);
    expect(codec().decode(frame)).toEqual([{ type: "passthrough", name: "usage", payload: message, raw: frame }]);
  });

  it("malformed text is a non-fatal protocol error", () => {
    for (const frame of ["{nope", "[1,2]", '"str"', '{"no_type":1}']) {
      const [event] = codec().decode(frame);
      expect(event).toMatchObject({ type: "error", code: "protocol_violation", fatal: false, raw: frame });
    }
  });

  it("a transcript without a user/agent role is reported and passed through", () => {
    const message = { type: "transcript", role: "system", text: "x", final: true };
    const [error, kept] = codec().decode(text(message));
    expect(error).toMatchObject({ type: "error", code: "protocol_violation", fatal: false });
    expect((error as { error: unknown }).error).toBeInstanceOf(ProtocolError);
    expect(kept).toMatchObject({ type: "passthrough", name: "transcript", payload: message });
  });
});

describe("call-create client codec: audio", () => {
  it("binary frames are agent audio at the created output rate", () => {
    const bytes = new Uint8Array([0x01, 0x00, 0xff, 0x7f, 0x00, 0x80]);
    const [event] = codec().decode(bytes);
    expect(event).toMatchObject({ type: "audio-chunk", sampleRate: 24000, raw: bytes });
    expect(Array.from((event as { audio: Int16Array }).audio)).toEqual([1, 32767, -32768]);
  });

  it("an odd-length binary frame is a non-fatal audio data error", () => {
    const [event] = codec().decode(new Uint8Array(5));
    expect(event).toMatchObject({ type: "error", code: "invalid_audio", fatal: false });
    expect((event as { error: unknown }).error).toBeInstanceOf(AudioDataError);
  });

  it("user audio goes out as raw PCM16 little-endian; nothing else has a frame", () => {
    const c = codec();
    expect(Array.from(c.encode({ type: "audio-append", audio: new Int16Array([1, -2]), sampleRate: 16000 })[0] as Uint8Array)).toEqual([
      0x01, 0x00, 0xfe, 0xff,
    ]);
    expect(c.encode({ type: "playback-clear" })).toEqual([]);
    expect(c.encode({ type: "mark", name: "m" })).toEqual([]);
    expect(c.encode({ type: "dtmf-send", digit: "5" })).toEqual([]);
    expect(c.encode({ type: "session-stop" })).toEqual([]);
    expect(c.ready).toBe(true);
  });
});

describe("call-create client codec: closes and refused upgrades", () => {
  const errorOf = (events: InboundEvent[]) => (events[0] as { error: Error }).error;

  it("a clean close ends without an error; others follow core's classification", () => {
    expect(codec().close(1000, "")).toEqual([{ type: "session-ended", reason: "closed", code: 1000 }]);
    expect(errorOf(codec().close(4401, ""))).toBeInstanceOf(AuthError);
    expect(codec().close(1011, "boom").at(-1)).toMatchObject({ type: "session-ended", reason: "server_error", code: 1011 });
  });

  it("a socket URL refused with 404 or 410 means the call is gone: TokenExpiredError, retryable", () => {
    for (const status of [404, 410]) {
      const error = codec().upgradeRejected(status, '{"error":"call_not_found"}');
      expect(error).toBeInstanceOf(TokenExpiredError);
      expect(error).toMatchObject({ retryable: true });
      expect(error.message).toMatch(/create a new call/);
    }
    expect(codec().upgradeRejected(429, "busy")).toBeInstanceOf(ConcurrencyLimitError);
    expect(codec().upgradeRejected(401, "")).toBeInstanceOf(AuthError);
  });
});
