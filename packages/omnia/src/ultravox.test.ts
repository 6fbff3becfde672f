import { ConfigError } from "@voxwire/core";
import { thrown } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { bootstrapOf, createdPlan, KEY, NODE, response, SOCKET_URL } from "../test/fixtures.js";
import { createOmniaCodec } from "./client-codec.js";
import { ULTRAVOX_PRESET, type UltravoxOptions, ultravox } from "./index.js";

const base = { apiKey: KEY, agentId: "5b5a3b0e-1111-4222-8333-944445555666", inputSampleRate: 48000 };

describe("the Ultravox preset", () => {
  it("creates an agent call at POST https://api.ultravox.ai/api/agents/{agentId}/calls with X-API-Key", () => {
    const { request } = bootstrapOf(ultravox(base));
    expect(request.url).toBe(`https://api.ultravox.ai/api/agents/${base.agentId}/calls`);
    expect(request.headers["x-api-key"]).toBe(KEY);
    expect(request.okStatuses).toContain(201);
  });

  it("sends the rates as medium.serverWebSocket, output defaulting to input, with clientBufferSizeMs when given", () => {
    const body = (options: UltravoxOptions) => JSON.parse(bootstrapOf(ultravox(options)).request.body!);
    expect(body(base)).toEqual({ medium: { serverWebSocket: { inputSampleRate: 48000, outputSampleRate: 48000 } } });
    expect(body({ ...base, outputSampleRate: 24000, clientBufferSizeMs: 30000 })).toEqual({
      medium: { serverWebSocket: { inputSampleRate: 48000, outputSampleRate: 24000, clientBufferSizeMs: 30000 } },
    });
  });

  it("reads joinUrl from the 201 answer, and refuses an answer without it", () => {
    const dialect = ultravox(base);
    expect(bootstrapOf(dialect).parse(response(201, { callId: "c-1", joinUrl: SOCKET_URL, created: "2025-01-01" }), NODE).url).toBe(SOCKET_URL);
    expect((thrown(() => bootstrapOf(dialect).parse(response(201, { websocketUrl: SOCKET_URL }), NODE)) as Error).message).toMatch(
      /has no "joinUrl"/,
    );
  });

  it("sends 20 ms frames, is named ultravox, and serves a call without a saved agent via /api/calls", () => {
    const plan = createdPlan(ultravox(base), "joinUrl");
    expect(plan.audio.outbound).toEqual({ encoding: "pcm16", sampleRate: 48000, frameMs: 20 });
    expect(ultravox(base).name).toBe("ultravox");
    const adHoc = bootstrapOf(ultravox({ ...base, createPath: "/api/calls", extraBody: { systemPrompt: "Be brief.", voice: "Mark" } })).request;
    expect(adHoc.url).toBe("https://api.ultravox.ai/api/calls");
    expect(JSON.parse(adHoc.body!)).toMatchObject({
      systemPrompt: "Be brief.",
      voice: "Mark",
      medium: { serverWebSocket: { inputSampleRate: 48000 } },
    });
  });

  it("joins an existing call by joinUrl", () => {
    const preparation = ultravox({ joinUrl: SOCKET_URL, inputSampleRate: 16000, outputSampleRate: 8000 }).prepare(NODE);
    expect(preparation).toMatchObject({ kind: "plan", plan: { url: SOCKET_URL, audio: { inbound: { sampleRate: 8000 } } } });
  });

  it("validates like omnia(), with errors prefixed ultravox", () => {
    const error = thrown(() => ultravox({ ...base, clientBufferSizeMs: 0 }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("[voxwire/ultravox]");
    expect(thrown(() => ultravox(null as unknown as UltravoxOptions))).toBeInstanceOf(ConfigError);
  });

  it("tolerates Ultravox's transcript fields and extra messages", () => {
    const codec = createOmniaCodec(createdPlan(ultravox(base), "joinUrl"), ULTRAVOX_PRESET.name);
    const t1 = JSON.stringify({ type: "transcript", role: "agent", medium: "voice", text: null, delta: "Hi", final: false, ordinal: 3 });
    const t2 = JSON.stringify({ type: "transcript", role: "agent", medium: "voice", text: "Hi there", delta: null, final: true, ordinal: 3 });
    expect(codec.decode(t1)).toEqual([{ type: "transcript-delta", role: "agent", delta: "Hi", text: "Hi", raw: t1 }]);
    expect(codec.decode(t2)).toEqual([{ type: "transcript-end", role: "agent", text: "Hi there", raw: t2 }]);
    for (const message of [
      { type: "pong", timestamp: 1234567890.123 },
      { type: "client_tool_invocation", toolName: "lookup", invocationId: "i-1", parameters: { q: 1 } },
      { type: "call_event", severity: "info" },
    ]) {
      const frame = JSON.stringify(message);
      expect(codec.decode(frame)).toEqual([{ type: "passthrough", name: message.type, payload: message, raw: frame }]);
    }
    const started = JSON.stringify({ type: "call_started", callId: "550e8400-e29b-41d4-a716-446655440000" });
    expect(codec.decode(started)).toEqual([{ type: "session-started", ids: { callId: "550e8400-e29b-41d4-a716-446655440000" }, raw: started }]);
  });
});
