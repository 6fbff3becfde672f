import { ConfigError } from "@voxwire/core";
import { thrown } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { bootstrapOf, createdPlan, KEY, NODE, response, SOCKET_URL } from "../test/fixtures.js";
import { createOmniaCodec } from "./client-codec.js";
import { OMNIA_PRESET, omnia, ULTRAVOX_PRESET, type UltravoxOptions, ultravox } from "./index.js";

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
    const codec = ultravox(base).createCodec(createdPlan(ultravox(base), "joinUrl"), NODE);
    const t1 = JSON.stringify({ type: "transcript", role: "agent", medium: "voice", text: null, delta: "Hi", final: false, ordinal: 3 });
    const t2 = JSON.stringify({ type: "transcript", role: "agent", medium: "voice", text: "Hi there", delta: null, final: true, ordinal: 3 });
    expect(codec.decode(t1)).toEqual([{ type: "transcript-delta", role: "agent", delta: "Hi", text: "Hi", raw: t1 }]);
    expect(codec.decode(t2)).toEqual([{ type: "transcript-end", role: "agent", text: "Hi there", raw: t2 }]);
    for (const message of [
      { type: "pong", timestamp: 1234567890.123 },
      { type: "call_event", severity: "info" },
    ]) {
      const frame = JSON.stringify(message);
      expect(codec.decode(frame)).toEqual([{ type: "passthrough", name: message.type, payload: message, raw: frame }]);
    }
    const started = JSON.stringify({ type: "call_started", callId: "550e8400-e29b-41d4-a716-446655440000" });
    expect(codec.decode(started)).toEqual([{ type: "session-started", ids: { callId: "550e8400-e29b-41d4-a716-446655440000" }, raw: started }]);
  });

  it("declares tool calls and text input; the Omnia preset declares neither", () => {
    expect(ultravox(base).capabilities).toMatchObject({ toolCalls: true, textInput: true, transcripts: true, bootstrap: true });
    expect(ultravox({ joinUrl: SOCKET_URL, inputSampleRate: 16000 }).capabilities).toMatchObject({
      toolCalls: true,
      textInput: true,
      bootstrap: false,
    });
    expect(omnia({ ...base, preset: OMNIA_PRESET }).capabilities).toMatchObject({ toolCalls: false, textInput: false });
  });

  it("reads client_tool_invocation as a tool call and answers it with client_tool_result", () => {
    const codec = ultravox(base).createCodec(createdPlan(ultravox(base), "joinUrl"), NODE);
    const call = JSON.stringify({ type: "client_tool_invocation", toolName: "lookup", invocationId: "i-1", parameters: { q: 1 } });
    expect(codec.decode(call)).toEqual([{ type: "tool-call", callId: "i-1", name: "lookup", arguments: { q: 1 }, raw: call }]);
    const bare = JSON.stringify({ type: "client_tool_invocation", toolName: "now", invocationId: "i-2" });
    expect(codec.decode(bare)).toMatchObject([{ type: "tool-call", callId: "i-2", name: "now", arguments: {} }]);
    expect(codec.encode({ type: "tool-result", callId: "i-1", output: { found: true } }).map((f) => JSON.parse(f as string))).toEqual([
      { type: "client_tool_result", invocationId: "i-1", result: '{"found":true}', responseType: "tool-response" },
    ]);
    expect(codec.encode({ type: "tool-result", callId: "i-1", output: "plain text" }).map((f) => JSON.parse(f as string))[0].result).toBe(
      "plain text",
    );
    expect(codec.encode({ type: "tool-result", callId: "i-1", output: "db down", isError: true }).map((f) => JSON.parse(f as string))).toEqual([
      { type: "client_tool_result", invocationId: "i-1", responseType: "tool-response", errorType: "implementation-error", errorMessage: "db down" },
    ]);
  });

  it("sends typed text as user_text_message and a stop as hang_up", () => {
    const codec = ultravox(base).createCodec(createdPlan(ultravox(base), "joinUrl"), NODE);
    expect(codec.encode({ type: "text-send", text: "hi there" })).toEqual([JSON.stringify({ type: "user_text_message", text: "hi there" })]);
    expect(codec.encode({ type: "session-stop", reason: "done" })).toEqual([JSON.stringify({ type: "hang_up" })]);
  });

  it("reports an invocation it cannot answer, and passes it through", () => {
    const codec = ultravox(base).createCodec(createdPlan(ultravox(base), "joinUrl"), NODE);
    const frame = JSON.stringify({ type: "client_tool_invocation", toolName: "lookup", parameters: {} });
    const events = codec.decode(frame);
    expect(events.map((e) => e.type)).toEqual(["error", "passthrough"]);
    expect(events[0]).toMatchObject({ code: "protocol_violation", fatal: false });
  });

  it("the Omnia preset keeps passing Ultravox's tool message through and sends no text, tool result or hang_up", () => {
    const codec = createOmniaCodec(createdPlan(omnia(base)), OMNIA_PRESET.name);
    const call = JSON.stringify({ type: "client_tool_invocation", toolName: "lookup", invocationId: "i-1", parameters: {} });
    expect(codec.decode(call)).toMatchObject([{ type: "passthrough", name: "client_tool_invocation" }]);
    expect(codec.encode({ type: "text-send", text: "hi" })).toEqual([]);
    expect(codec.encode({ type: "tool-result", callId: "i-1", output: "x" })).toEqual([]);
    expect(codec.encode({ type: "session-stop" })).toEqual([]);
  });

  it("refuses a preset whose capabilities are not booleans", () => {
    expect(thrown(() => omnia({ ...base, preset: { ...ULTRAVOX_PRESET, capabilities: { toolCalls: "yes" } as never } }))).toBeInstanceOf(ConfigError);
    expect(thrown(() => omnia({ ...base, preset: { ...ULTRAVOX_PRESET, capabilities: { dtmfIn: true } as never } }))).toBeInstanceOf(ConfigError);
  });
});
