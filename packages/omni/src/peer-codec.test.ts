import type { ConnectPlan, DialectEnv, InboundEvent } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { omni } from "./index.js";

const NODE: DialectEnv = { runtime: "node", now: 0 };
const dialect = omni({ agentId: "agent_123", apiKey: "pyai_test_k3y", rate: 8000 });
const plan = (dialect.prepare(NODE) as { plan: ConnectPlan }).plan;
const peer = () => dialect.createPeerCodec!(plan);

/** Encodes on the vendor side, decodes on the client side, and drops `raw` for comparison. */
function roundTrip(event: InboundEvent): unknown[] {
  const client = dialect.createCodec(plan, codecEnv());
  return peer()
    .encode(event)
    .flatMap((frame) => client.decode(frame))
    .map(({ raw: _raw, ...rest }) => rest);
}

describe("Omni peer codec: agent events to Omni frames", () => {
  it("encodes the documented events with their wire names", () => {
    const p = peer();
    expect(p.encode({ type: "session-accepted" })).toEqual(['{"type":"hello"}']);
    expect(p.encode({ type: "playback-clear" })).toEqual(['{"type":"flush"}']);
    expect(p.encode({ type: "dtmf-received", digit: "9" })).toEqual(['{"type":"dtmf","digit":"9"}']);
    expect(p.encode({ type: "session-ending" })).toEqual(['{"type":"session_ending"}']);
    expect(p.encode({ type: "transfer-requested", reason: "asked" })).toEqual(['{"type":"transfer_to_human","reason":"asked"}']);
    expect(p.encode({ type: "session-started", ids: { session_id: "s1" } })).toEqual(['{"type":"session_started","session_id":"s1"}']);
  });

  it("has no frame for what Omni says with close codes or not at all", () => {
    const p = peer();
    expect(p.encode({ type: "agent-state", state: "speaking" })).toEqual([]);
    expect(p.encode({ type: "session-ended", reason: "closed", code: 1000 })).toEqual([]);
    expect(p.encode({ type: "error", code: "x", message: "m", fatal: true, retryable: false })).toEqual([]);
  });

  it("round-trips every event the client maps", () => {
    expect(roundTrip({ type: "session-accepted" })).toEqual([{ type: "session-accepted" }]);
    expect(roundTrip({ type: "session-started", ids: { session_id: "s1" } })).toEqual([{ type: "session-started", ids: { session_id: "s1" } }]);
    expect(roundTrip({ type: "playback-clear" })).toEqual([{ type: "playback-clear" }]);
    expect(roundTrip({ type: "dtmf-received", digit: "*", durationMs: 90 })).toEqual([{ type: "dtmf-received", digit: "*", durationMs: 90 }]);
    expect(roundTrip({ type: "transfer-requested", target: "+15550100" })).toEqual([{ type: "transfer-requested", target: "+15550100" }]);
    expect(roundTrip({ type: "session-ending", reason: "server_shutdown" })).toEqual([{ type: "session-ending", reason: "server_shutdown" }]);
    expect(roundTrip({ type: "transcript-delta", role: "agent", delta: "Hi", text: "Hi" })[0]).toEqual({
      type: "transcript-delta",
      role: "agent",
      delta: "Hi",
      text: "Hi",
    });
    expect(roundTrip({ type: "transcript-end", role: "user", text: "[speech 1.2 s]" })[0]).toEqual({
      type: "transcript-end",
      role: "user",
      text: "[speech 1.2 s]",
    });
    const audio = roundTrip({ type: "audio-chunk", audio: new Int16Array([5, -5, 300]), sampleRate: 8000 });
    expect(audio).toHaveLength(1);
    expect(Array.from((audio[0] as { audio: Int16Array }).audio)).toEqual([5, -5, 300]);
  });
});

describe("Omni peer codec: client frames to commands", () => {
  it("decodes user audio at the declared rate", () => {
    const [command] = peer().decode(new Uint8Array([0x10, 0x00, 0x00, 0x80]));
    expect(command).toMatchObject({ type: "audio-append", sampleRate: 8000 });
    expect(Array.from((command as { audio: Int16Array }).audio)).toEqual([16, -32768]);
  });

  it("decodes the client DTMF frame the client codec sends", () => {
    const [frame] = dialect.createCodec(plan, codecEnv()).encode({ type: "dtmf-send", digit: "4", durationMs: 100 });
    expect(peer().decode(frame!)).toEqual([{ type: "dtmf-send", digit: "4", durationMs: 100 }]);
  });

  it("reports bad frames and passes unknown messages through", () => {
    expect(peer().decode(new Uint8Array(5))).toMatchObject([{ type: "error", code: "invalid_audio" }]);
    expect(peer().decode("not json")).toMatchObject([{ type: "error", code: "protocol_violation" }]);
    expect(peer().decode('{"type":"dtmf","digit":"Z"}')).toMatchObject([{ type: "error", code: "protocol_violation" }]);
    expect(peer().decode('{"type":"ping","n":1}')).toMatchObject([{ type: "passthrough", name: "ping", payload: { n: 1 } }]);
  });
});
