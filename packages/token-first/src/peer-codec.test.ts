import { type ConnectPlan, errorEvent, type InboundEvent, TokenExpiredError } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import {
  SEED_AGENT_READY,
  SEED_CONNECTED,
  SEED_SESSION_ENDED,
  SEED_TOKEN_FRAME,
  SEED_TOKEN_RESPONSE,
  seedAudioFrame,
} from "../test/seed-001-frames.js";
import { tokenFirst } from "./index.js";
import { TOKEN_FRAME_NAME } from "./wire.js";

const dialect = tokenFirst({ apiUrl: "https://your-api-url.com", apiKey: "sk_example_K3yValue" });
const preparation = dialect.prepare({ runtime: "node", now: 0 });
if (preparation.kind !== "bootstrap") throw new Error("unreachable");
const plan: ConnectPlan = preparation.parse({ status: 200, headers: {}, body: SEED_TOKEN_RESPONSE }, { runtime: "node", now: 0 });
const peer = dialect.createPeerCodec!(plan);

describe("token-first peer codec: what the vendor sends", () => {
  it("encodes the session's start, readiness and end as the token-first guide's messages", () => {
    expect(peer.encode({ type: "session-started", ids: {} })).toEqual([SEED_CONNECTED]);
    expect(peer.encode({ type: "agent-state", state: "listening" })).toEqual([SEED_AGENT_READY]);
    for (const [reason, frame] of Object.entries(SEED_SESSION_ENDED)) {
      expect(peer.encode({ type: "session-ended", reason })).toEqual([frame]);
    }
  });

  it("encodes an error as `error{code,message}` with the vendor's code when there is one", () => {
    const plain: InboundEvent = { type: "error", code: "token_used", message: "already used", fatal: true, retryable: true };
    expect(peer.encode(plain)).toEqual(['{"type":"error","code":"token_used","message":"already used"}']);
    const typed = errorEvent(new TokenExpiredError("x", { vendorCode: "invalid_token" }));
    expect(JSON.parse(peer.encode(typed)[0] as string)).toMatchObject({ type: "error", code: "invalid_token" });
  });

  it("encodes agent audio as binary and has nothing for what the wire lacks", () => {
    const audio = Int16Array.from({ length: 320 }, (_, i) => i);
    expect((peer.encode({ type: "audio-chunk", audio, sampleRate: 16000 })[0] as Uint8Array).byteLength).toBe(640);
    for (const event of [
      { type: "session-accepted" },
      { type: "agent-state", state: "speaking" },
      { type: "playback-clear" },
      { type: "transcript-end", role: "agent", text: "hi" },
      { type: "session-ending", reason: "x" },
    ] as InboundEvent[]) {
      expect(peer.encode(event)).toEqual([]);
    }
  });

  it("sends a pass-through as it came", () => {
    expect(peer.encode({ type: "passthrough", name: "x", payload: {}, raw: '{"type":"x"}' })).toEqual(['{"type":"x"}']);
    expect(peer.encode({ type: "passthrough", name: "x", payload: { a: 1 } })).toEqual(['{"type":"x","a":1}']);
  });
});

describe("token-first peer codec: what the client sends", () => {
  it("decodes the token-first guide's first message to a pass-through named `token`", () => {
    expect(peer.decode(SEED_TOKEN_FRAME)).toEqual([
      { type: "passthrough", name: TOKEN_FRAME_NAME, payload: { token: "tok_example" }, raw: SEED_TOKEN_FRAME },
    ]);
  });

  it("decodes a 640-byte frame to 320 samples of user audio", () => {
    const [command] = peer.decode(seedAudioFrame());
    expect(command).toMatchObject({ type: "audio-append", sampleRate: 16000 });
    expect(command?.type === "audio-append" && command.audio.length).toBe(320);
  });

  it("reports malformed frames and passes other JSON through", () => {
    expect(peer.decode(new Uint8Array(3))[0]).toMatchObject({ type: "error", code: "invalid_audio" });
    expect(peer.decode('{"token":42}')[0]).toMatchObject({ type: "error", code: "protocol_violation" });
    expect(peer.decode("hello")[0]).toMatchObject({ type: "error", code: "protocol_violation" });
    expect(peer.decode('{"type":"ping"}')[0]).toMatchObject({ type: "passthrough", name: "ping" });
  });
});

describe("client and peer codecs agree", () => {
  it("what the peer encodes, the client decodes back", () => {
    const client = dialect.createCodec(plan, codecEnv());
    const events: InboundEvent[] = [
      { type: "session-started", ids: { session_id: "s-1" } },
      { type: "agent-state", state: "listening" },
      { type: "audio-chunk", audio: Int16Array.from({ length: 320 }, (_, i) => i * 3), sampleRate: 16000 },
      { type: "session-ended", reason: "server_shutdown" },
    ];
    for (const event of events) {
      const decoded = peer.encode(event).flatMap((frame) => client.decode(frame));
      expect(decoded.map(({ raw: _raw, ...rest }) => rest)).toEqual([event]);
    }
  });

  it("what the client encodes, the peer decodes back", () => {
    const client = dialect.createCodec(plan, codecEnv());
    const audio = Int16Array.from({ length: 320 }, (_, i) => 1000 - i);
    const [command] = client.encode({ type: "audio-append", audio, sampleRate: 16000 }).flatMap((frame) => peer.decode(frame));
    expect(command).toEqual({ type: "audio-append", audio, sampleRate: 16000 });
  });
});
