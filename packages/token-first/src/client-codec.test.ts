import { type ConnectPlan, ProtocolError, ServerError, TokenExpiredError } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { SEED_AGENT_READY, SEED_CONNECTED, SEED_ERROR, SEED_SESSION_ENDED, SEED_TOKEN_RESPONSE, seedAudioFrame } from "../test/seed-001-frames.js";
import { tokenFirst } from "./index.js";

const KEY = "sk_example_K3yValue";
const dialect = tokenFirst({ apiUrl: "https://your-api-url.com", apiKey: KEY });
const preparation = dialect.prepare({ runtime: "node", now: 0 });
if (preparation.kind !== "bootstrap") throw new Error("unreachable");
const plan: ConnectPlan = preparation.parse({ status: 200, headers: {}, body: SEED_TOKEN_RESPONSE }, { runtime: "node", now: 0 });
const codec = () => dialect.createCodec(plan, codecEnv());

describe("token-first client codec: the token-first guide's server events", () => {
  it("holds everything back until `connected`, which starts the session", () => {
    const c = codec();
    expect(c.ready).toBe(false);
    c.decode(SEED_AGENT_READY);
    expect(c.ready).toBe(false);
    expect(c.decode(SEED_CONNECTED)).toEqual([{ type: "session-started", ids: {}, raw: SEED_CONNECTED }]);
    expect(c.ready).toBe(true);
  });

  it("keeps the vendor's ids and any other detail of `connected`", () => {
    const frame = '{"type":"connected","session_id":"s-1","agent":{"name":"x"}}';
    expect(codec().decode(frame)).toEqual([{ type: "session-started", ids: { session_id: "s-1" }, metadata: { agent: { name: "x" } }, raw: frame }]);
  });

  it("maps `agent_ready` to the agent listening", () => {
    expect(codec().decode(SEED_AGENT_READY)).toEqual([{ type: "agent-state", state: "listening", raw: SEED_AGENT_READY }]);
  });

  it.each(Object.entries(SEED_SESSION_ENDED))("maps `session_ended` with reason %s to session-ended with that reason", (reason, frame) => {
    expect(codec().decode(frame)).toEqual([{ type: "session-ended", reason, raw: frame }]);
  });

  it("passes an unknown `session_ended` reason through, and names a missing one", () => {
    const other = '{"type":"session_ended","reason":"billing_limit"}';
    expect(codec().decode(other)).toEqual([{ type: "session-ended", reason: "billing_limit", raw: other }]);
    const none = '{"type":"session_ended"}';
    expect(codec().decode(none)).toEqual([{ type: "session-ended", reason: "session_ended", raw: none }]);
  });

  it("maps a refused token `error` to a fatal, retryable TokenExpiredError keeping the vendor's code", () => {
    for (const code of ["token_expired", "token_used", "invalid_token", "TOKEN_REVOKED", "unauthorized"]) {
      const frame = JSON.stringify({ type: "error", code, message: "no" });
      const [event] = codec().decode(frame);
      expect(event).toMatchObject({ type: "error", code: "token_expired", fatal: true, retryable: true, raw: frame });
      expect(event?.type === "error" && event.error).toBeInstanceOf(TokenExpiredError);
      expect(event?.type === "error" && event.error?.vendorCode).toBe(code);
    }
    expect(codec().decode(SEED_ERROR)[0]).toMatchObject({
      code: "token_expired",
      message: expect.stringContaining("the token expired before it was presented"),
    });
  });

  it("maps other vendor errors to typed events with the vendor's code", () => {
    const protocol = '{"type":"error","code":"protocol_error","message":"audio before token"}';
    const [p] = codec().decode(protocol);
    expect(p).toMatchObject({ type: "error", code: "protocol_violation", fatal: true, raw: protocol });
    expect(p?.type === "error" && p.error).toBeInstanceOf(ProtocolError);
    const other = '{"type":"error","code":"agent_busy","message":"try later"}';
    const [o] = codec().decode(other);
    expect(o).toMatchObject({ type: "error", code: "server_error", fatal: false, raw: other });
    expect(o?.type === "error" && o.error).toBeInstanceOf(ServerError);
    expect(o?.type === "error" && o.error?.vendorCode).toBe("agent_busy");
    const bare = '{"type":"error"}';
    expect(codec().decode(bare)[0]).toMatchObject({ type: "error", code: "server_error", raw: bare });
  });

  it("redacts the session's credentials from a vendor error message, in the event and in the error object", () => {
    const frame = JSON.stringify({ type: "error", code: "token_used", message: "token tok_example was already used at wss://your-api-url.com/ws" });
    const [event] = codec().decode(frame);
    if (event?.type !== "error") throw new Error("expected an error event");
    for (const text of [event.message, event.error?.message ?? "", JSON.stringify(event.error)]) {
      expect(text).not.toContain("tok_example");
      expect(text).not.toContain("your-api-url.com/ws");
    }
  });

  it("decodes a 640-byte binary frame to 320 samples of agent audio at 16 kHz", () => {
    const frame = seedAudioFrame();
    const [event] = codec().decode(frame);
    expect(event).toMatchObject({ type: "audio-chunk", sampleRate: 16000, raw: frame });
    const audio = event?.type === "audio-chunk" ? event.audio : new Int16Array();
    expect(audio.length).toBe(320);
    expect(audio[0]).toBe(-16000);
    expect(audio[319]).toBe(15900);
  });

  it("reports an odd-length binary frame and malformed text without ending the session", () => {
    const odd = new Uint8Array(641);
    expect(codec().decode(odd)).toEqual([expect.objectContaining({ type: "error", code: "invalid_audio", fatal: false, raw: odd })]);
    expect(codec().decode('{"type":"conn')).toEqual([expect.objectContaining({ type: "error", code: "protocol_violation", fatal: false })]);
  });

  it("passes unknown messages through whole", () => {
    const frame = '{"type":"transcript","text":"hi"}';
    expect(codec().decode(frame)).toEqual([{ type: "passthrough", name: "transcript", payload: { type: "transcript", text: "hi" }, raw: frame }]);
  });
});

describe("token-first client codec: what it sends", () => {
  it("encodes 320 samples of user audio as one 640-byte binary frame", () => {
    const audio = Int16Array.from({ length: 320 }, (_, i) => i - 160);
    const [frame] = codec().encode({ type: "audio-append", audio, sampleRate: 16000 });
    expect(frame).toBeInstanceOf(Uint8Array);
    expect((frame as Uint8Array).byteLength).toBe(640);
    expect(new Int16Array((frame as Uint8Array).slice().buffer)).toEqual(audio);
  });

  it("has nothing to send for commands the wire lacks (the stop is the socket's close)", () => {
    const c = codec();
    expect(c.encode({ type: "session-stop", reason: "bye" })).toEqual([]);
    expect(c.encode({ type: "dtmf-send", digit: "1" })).toEqual([]);
    expect(c.encode({ type: "mark", name: "m" })).toEqual([]);
    expect(c.encode({ type: "playback-clear" })).toEqual([]);
  });
});

describe("token-first client codec: closes", () => {
  it("ends with the vendor error's code after an `error` then close 4401, reporting the failure once", () => {
    const c = codec();
    const [error] = c.decode('{"type":"error","code":"token_used","message":"already used"}');
    expect(error).toMatchObject({ code: "token_expired" });
    expect(c.close(4401, "token_used")).toEqual([{ type: "session-ended", reason: "token_expired", code: 4401 }]);
  });

  it("reports close 4401 alone as a refused token", () => {
    const [error, ended] = codec().close(4401, "token_expired");
    expect(error).toMatchObject({ type: "error", code: "token_expired", fatal: true, retryable: true });
    expect(error?.type === "error" && error.error?.vendorCode).toBe("token_expired");
    expect(ended).toEqual({ type: "session-ended", reason: "token_expired", code: 4401 });
  });

  it("reports close 4400 as a fatal protocol error", () => {
    const [error, ended] = codec().close(4400, "protocol_error");
    expect(error).toMatchObject({ type: "error", code: "protocol_violation", fatal: true });
    expect(ended).toMatchObject({ type: "session-ended", code: 4400 });
  });

  it("a clean close ends without an error; a non-fatal vendor error does not hide a later failure", () => {
    expect(codec().close(1000, "")).toEqual([{ type: "session-ended", reason: "closed", code: 1000 }]);
    const c = codec();
    c.decode('{"type":"error","code":"agent_busy","message":"x"}');
    expect(c.close(4401, "")[0]).toMatchObject({ type: "error", code: "token_expired" });
  });

  it("maps an HTTP answer to the upgrade to core's typed errors", () => {
    expect(codec().upgradeRejected(429, "")).toMatchObject({ code: "concurrency_limit" });
    expect(codec().upgradeRejected(404, "")).toMatchObject({ code: "invalid_request" });
  });
});
