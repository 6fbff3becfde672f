import { base64Encode, type ConnectPlan, type DialectEnv, type Preparation } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { openai } from "./openai.js";

const node: DialectEnv = { runtime: "node", now: 0 };
const planOf = (p: Preparation): ConnectPlan => (p.kind === "plan" ? p.plan : (undefined as never));
const dialect = openai({ apiKey: "sk-proj-T3st0nly_0123456789abcdef", model: "gpt-realtime" });
const plan = planOf(dialect.prepare(node));
const client = () => dialect.createCodec(plan, node);
const peer = () => dialect.createPeerCodec!(plan);
const frame = (message: Record<string, unknown>) => JSON.stringify(message);
const parsed = (frames: readonly unknown[]) => frames.map((f) => JSON.parse(f as string));
const done = (args: unknown, more: Record<string, unknown> = {}) =>
  frame({
    type: "response.function_call_arguments.done",
    event_id: "e",
    response_id: "r",
    item_id: "i",
    output_index: 0,
    call_id: "call_1",
    name: "get_weather",
    arguments: args,
    ...more,
  });

describe("tool calls in", () => {
  it("response.function_call_arguments.done → tool-call with the arguments parsed", () => {
    const raw = done('{"city":"Paris","days":[1,2]}');
    expect(client().decode(raw)).toEqual([
      { type: "tool-call", callId: "call_1", name: "get_weather", arguments: { city: "Paris", days: [1, 2] }, raw },
    ]);
    expect(client().decode(done(""))).toMatchObject([{ type: "tool-call", arguments: {} }]);
  });

  it("arguments that are not JSON: a protocol_violation error, then the call with the raw string (it must still be answered)", () => {
    const events = client().decode(done('{"city":"Par'));
    expect(events).toMatchObject([
      { type: "error", code: "protocol_violation", fatal: false },
      { type: "tool-call", callId: "call_1", arguments: '{"city":"Par' },
    ]);
  });

  it("a call without a call id or a name is only an error", () => {
    expect(client().decode(done("{}", { call_id: "" }))).toMatchObject([{ type: "error", code: "protocol_violation" }]);
    expect(client().decode(done("{}", { name: 7 }))).toMatchObject([{ type: "error" }]);
  });
});

describe("what the application sends", () => {
  it("tool-result → the function_call_output item, then response.create; a non-string output as JSON, an error flagged in it", () => {
    const codec = client();
    expect(parsed(codec.encode({ type: "tool-result", callId: "call_1", output: { temp: 14 } }))).toEqual([
      { type: "conversation.item.create", item: { type: "function_call_output", call_id: "call_1", output: '{"temp":14}' } },
      { type: "response.create" },
    ]);
    expect(parsed(codec.encode({ type: "tool-result", callId: "c", output: "no such city", isError: true }))[0].item.output).toBe(
      '{"error":"no such city"}',
    );
  });

  it("text-send → a user message with one input_text, then response.create", () => {
    expect(parsed(client().encode({ type: "text-send", text: "What time is it?" }))).toEqual([
      { type: "conversation.item.create", item: { type: "message", role: "user", content: [{ type: "input_text", text: "What time is it?" }] } },
      { type: "response.create" },
    ]);
  });

  it("playback-heard → conversation.item.truncate of that item at the whole milliseconds heard", () => {
    expect(parsed(client().encode({ type: "playback-heard", turnId: "item_7", heardMs: 1234.9 }))).toEqual([
      { type: "conversation.item.truncate", item_id: "item_7", content_index: 0, audio_end_ms: 1234 },
    ]);
  });

  it("the peer decodes each back: tool-result (an error output as isError), text-send, playback-heard, session-update", () => {
    const p = peer();
    const [item, create] = client().encode({ type: "tool-result", callId: "call_1", output: "sunny", isError: true });
    expect(p.decode(item!)).toEqual([{ type: "tool-result", callId: "call_1", output: "sunny", isError: true }]);
    expect(p.decode(create!)).toMatchObject([{ type: "passthrough", name: "response.create" }]);
    expect(p.decode(client().encode({ type: "text-send", text: "hi" })[0]!)).toEqual([{ type: "text-send", text: "hi" }]);
    expect(p.decode(client().encode({ type: "playback-heard", turnId: "item_7", heardMs: 400 })[0]!)).toEqual([
      { type: "playback-heard", turnId: "item_7", heardMs: 400 },
    ]);
    expect(p.decode(client().encode({ type: "session-update", agent: { voice: "ash" } })[0]!)).toEqual([
      { type: "session-update", agent: { voice: "ash" } },
    ]);
    expect(p.decode(frame({ type: "conversation.item.truncate", item_id: "i", audio_end_ms: -1 }))).toMatchObject([
      { type: "error", code: "protocol_violation" },
    ]);
  });
});

describe("the peer's side of a turn", () => {
  it("encodes tool-call, speech-started/stopped and turn ids as GA events; a barge-in after speech-started adds nothing", () => {
    const p = peer();
    const [call] = parsed(p.encode({ type: "tool-call", callId: "call_1", name: "get_weather", arguments: { city: "Paris" } }));
    expect(call).toMatchObject({
      type: "response.function_call_arguments.done",
      call_id: "call_1",
      name: "get_weather",
      arguments: '{"city":"Paris"}',
      output_index: 0,
    });
    const [audio] = parsed(p.encode({ type: "audio-chunk", audio: new Int16Array(2), sampleRate: 24000, turnId: "turn-1" }));
    expect(audio).toMatchObject({ type: "response.output_audio.delta", item_id: "turn-1", delta: base64Encode(new Uint8Array(4)) });
    expect(parsed(p.encode({ type: "speech-started" }))).toMatchObject([{ type: "input_audio_buffer.speech_started" }]);
    expect(p.encode({ type: "playback-clear", turnId: "turn-1" })).toEqual([]);
    expect(parsed(p.encode({ type: "speech-stopped" }))).toMatchObject([{ type: "input_audio_buffer.speech_stopped" }]);
    // Without a speech-started first (an agent that only clears), the barge-in is the speech_started.
    expect(parsed(p.encode({ type: "playback-clear" }))).toMatchObject([{ type: "input_audio_buffer.speech_started" }]);
  });
});
