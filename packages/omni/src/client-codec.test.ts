import {
  AudioDataError,
  AuthError,
  ConcurrencyLimitError,
  type ConnectPlan,
  type DialectEnv,
  type InboundEvent,
  InvalidRequestError,
  ScopeError,
} from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { omni } from "./index.js";

const NODE: DialectEnv = { runtime: "node", now: 0 };
const dialect = omni({ agentId: "agent_123", apiKey: "pyai_test_k3y", rate: 16000 });
const plan = (dialect.prepare(NODE) as { plan: ConnectPlan }).plan;
const codec = () => dialect.createCodec(plan, codecEnv());
const text = (value: unknown) => JSON.stringify(value);

describe("Omni client codec: decoding server frames", () => {
  it("maps the documented events", () => {
    const c = codec();
    const hello = text({ type: "hello" });
    expect(c.decode(hello)).toEqual([{ type: "session-accepted", raw: hello }]);
    const flush = text({ type: "flush" });
    expect(c.decode(flush)).toEqual([{ type: "playback-clear", raw: flush }]);
    const dtmf = text({ type: "dtmf", digit: "7" });
    expect(c.decode(dtmf)).toEqual([{ type: "dtmf-received", digit: "7", raw: dtmf }]);
    const transfer = text({ type: "transfer_to_human", reason: "billing" });
    expect(c.decode(transfer)).toEqual([{ type: "transfer-requested", reason: "billing", raw: transfer }]);
    const ending = text({ type: "session_ending", reason: "server_shutdown" });
    expect(c.decode(ending)).toEqual([{ type: "session-ending", reason: "server_shutdown", raw: ending }]);
  });

  it("splits session_started into ids and metadata", () => {
    const frame = text({ type: "session_started", session_id: "s1", callId: "c9", agent: { name: "x" }, rate: 16000 });
    expect(codec().decode(frame)).toEqual([
      { type: "session-started", ids: { session_id: "s1", callId: "c9" }, metadata: { agent: { name: "x" }, rate: 16000 }, raw: frame },
    ]);
  });

  it("reads a dtmf digit from other field names, and reports one without a digit", () => {
    expect(codec().decode(text({ type: "dtmf", key: 5, duration_ms: 120 }))).toMatchObject([{ type: "dtmf-received", digit: "5", durationMs: 120 }]);
    const [error, kept] = codec().decode(text({ type: "dtmf", digit: "x" }));
    expect(error).toMatchObject({ type: "error", code: "protocol_violation", fatal: false });
    expect(kept).toMatchObject({ type: "passthrough", name: "dtmf", payload: { type: "dtmf", digit: "x" } });
  });

  it("turns binary frames into audio at the declared rate", () => {
    const bytes = new Uint8Array([0x01, 0x00, 0xff, 0x7f, 0x00, 0x80]);
    const [event] = codec().decode(bytes);
    expect(event).toMatchObject({ type: "audio-chunk", sampleRate: 16000, raw: bytes });
    expect(Array.from((event as { audio: Int16Array }).audio)).toEqual([1, 32767, -32768]);
  });

  it("reports an odd-length binary frame as non-fatal audio data error", () => {
    const [event] = codec().decode(new Uint8Array(3));
    expect(event).toMatchObject({ type: "error", code: "invalid_audio", fatal: false });
    expect((event as { error: unknown }).error).toBeInstanceOf(AudioDataError);
  });

  it("reports malformed text and passes unknown messages through whole", () => {
    expect(codec().decode("{nope")).toMatchObject([{ type: "error", code: "protocol_violation", fatal: false }]);
    expect(codec().decode("[1,2]")).toMatchObject([{ type: "error", code: "protocol_violation" }]);
    const frame = text({ type: "usage", tokens: 12, nested: { a: [1] } });
    expect(codec().decode(frame)).toEqual([
      { type: "passthrough", name: "usage", payload: { type: "usage", tokens: 12, nested: { a: [1] } }, raw: frame },
    ]);
  });
});

describe("Omni client codec: transcripts (shape not published)", () => {
  const kinds = (events: InboundEvent[]) => events.map((e) => e.type);

  it("maps a transcript-typed message with text and still passes it through whole", () => {
    const frame = text({ type: "transcript", role: "agent", text: "Hello there", confidence: 0.9 });
    const events = codec().decode(frame);
    expect(kinds(events)).toEqual(["transcript-end", "passthrough"]);
    expect(events[0]).toEqual({ type: "transcript-end", role: "agent", text: "Hello there", raw: frame });
    expect(events[1]).toMatchObject({ name: "transcript", payload: { confidence: 0.9 } });
  });

  it("accumulates partials given as deltas or as the text so far", () => {
    const c = codec();
    expect(c.decode(text({ type: "transcript_partial", role: "user", delta: "Hel" }))[0]).toMatchObject({
      type: "transcript-delta",
      role: "user",
      delta: "Hel",
      text: "Hel",
    });
    expect(c.decode(text({ type: "transcript_partial", role: "user", delta: "lo" }))[0]).toMatchObject({ delta: "lo", text: "Hello" });
    expect(c.decode(text({ type: "partial", speaker: "user", text: "Hello wor" }))[0]).toMatchObject({
      type: "transcript-delta",
      role: "user",
      delta: " wor",
      text: "Hello wor",
    });
    expect(c.decode(text({ type: "transcript", role: "user", text: "Hello world", final: true }))[0]).toMatchObject({
      type: "transcript-end",
      role: "user",
      text: "Hello world",
    });
    // The turn is over: the next partial starts afresh.
    expect(c.decode(text({ type: "transcript_partial", role: "user", delta: "Next" }))[0]).toMatchObject({ text: "Next" });
  });

  it("keys partial/final on an explicit boolean before the type name", () => {
    expect(codec().decode(text({ type: "transcript", text: "a", is_final: false }))[0]).toMatchObject({ type: "transcript-delta" });
    expect(codec().decode(text({ type: "partial_transcript", text: "a", isFinal: true }))[0]).toMatchObject({ type: "transcript-end" });
  });

  it("infers the role from role names, then from the type, else agent", () => {
    expect(codec().decode(text({ type: "transcript", role: "assistant", text: "a" }))[0]).toMatchObject({ role: "agent" });
    expect(codec().decode(text({ type: "transcript", from: "caller", text: "a" }))[0]).toMatchObject({ role: "user" });
    expect(codec().decode(text({ type: "user_transcript", text: "a" }))[0]).toMatchObject({ role: "user" });
    expect(codec().decode(text({ type: "transcript", text: "a" }))[0]).toMatchObject({ role: "agent" });
  });

  it("only passes through a transcript message that carries no text", () => {
    expect(kinds(codec().decode(text({ type: "transcript", role: "agent", words: [] })))).toEqual(["passthrough"]);
  });
});

describe("Omni client codec: encoding", () => {
  it("sends audio as raw PCM16 little-endian bytes", () => {
    const [frame] = codec().encode({ type: "audio-append", audio: new Int16Array([1, -2]), sampleRate: 16000 });
    expect(Array.from(frame as Uint8Array)).toEqual([0x01, 0x00, 0xfe, 0xff]);
  });

  it("sends DTMF as the frame documented in wire.ts", () => {
    expect(codec().encode({ type: "dtmf-send", digit: "#" })).toEqual(['{"type":"dtmf","digit":"#"}']);
    expect(codec().encode({ type: "dtmf-send", digit: "1", durationMs: 250 })).toEqual(['{"type":"dtmf","digit":"1","duration_ms":250}']);
  });

  it("has no frame for marks, playback-clear or stop", () => {
    const c = codec();
    expect(c.encode({ type: "mark", name: "m" })).toEqual([]);
    expect(c.encode({ type: "playback-clear" })).toEqual([]);
    expect(c.encode({ type: "session-stop" })).toEqual([]);
    expect(c.ready).toBe(true);
  });
});

describe("Omni client codec: failures", () => {
  const errorOf = (events: InboundEvent[]) => (events[0] as { error: Error }).error;

  it("4401 is a fatal AuthError, 4403 a ScopeError naming omni:session", () => {
    const bad = codec().close(4401, "");
    expect(errorOf(bad)).toBeInstanceOf(AuthError);
    expect(bad[0]).toMatchObject({ type: "error", fatal: true, retryable: false });
    expect(bad.at(-1)).toMatchObject({ type: "session-ended", code: 4401, reason: "auth_failed" });

    const scope = codec().close(4403, "");
    expect(errorOf(scope)).toBeInstanceOf(ScopeError);
    expect(errorOf(scope).message).toContain("omni:session");
    expect(scope[0]).toMatchObject({ fatal: true, retryable: false });
  });

  it("origin_not_allowed is an AuthError with that vendor code, by close or at the upgrade", () => {
    const closed = errorOf(codec().close(4403, "origin_not_allowed"));
    expect(closed).toBeInstanceOf(AuthError);
    expect(closed).toMatchObject({ vendorCode: "origin_not_allowed" });
    const refused = codec().upgradeRejected(403, '{"error":"origin_not_allowed"}');
    expect(refused).toBeInstanceOf(AuthError);
    expect(refused.vendorCode).toBe("origin_not_allowed");
    expect(refused.message).toContain("allow-listed");
  });

  it("HTTP 400 invalid_agent_id and HTTP 429 at the upgrade", () => {
    const invalid = codec().upgradeRejected(400, '{"error":"invalid_agent_id"}');
    expect(invalid).toBeInstanceOf(InvalidRequestError);
    expect(invalid.vendorCode).toBe("invalid_agent_id");
    const busy = codec().upgradeRejected(429, '{"error":"concurrency_limit_exceeded"}');
    expect(busy).toBeInstanceOf(ConcurrencyLimitError);
    expect(busy).toMatchObject({ retryable: true, vendorCode: "concurrency_limit_exceeded" });
  });

  it("a clean close ends without an error", () => {
    expect(codec().close(1000, "")).toEqual([{ type: "session-ended", reason: "closed", code: 1000 }]);
  });
});
