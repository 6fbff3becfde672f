import type { ConnectPlan, InboundEvent } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { createDeepgramCodec } from "./client-codec.js";
import { createDeepgramPeerCodec } from "./peer-codec.js";

const plan: ConnectPlan = {
  url: "wss://agent.deepgram.com/v1/agent/converse",
  audio: { outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 }, inbound: { encoding: "pcm16", sampleRate: 24000 } },
  secrets: [],
};
const json = (frames: unknown[]) => frames.map((f) => JSON.parse(f as string));
const strip = (events: InboundEvent[]) => events.map(({ raw: _raw, ...rest }) => rest);

describe("the client codec: Settings and the ready gate", () => {
  it("opens with Settings built from the agent option, the escape hatch merged over it", () => {
    const codec = createDeepgramCodec(plan, {
      agent: {
        instructions: "Be brief.",
        voice: "aura-2-thalia-en",
        language: "en",
        tools: [{ name: "lookup", description: "find", parameters: { type: "object" } }],
      },
      settings: {
        tags: ["demo"],
        agent: {
          think: { provider: { type: "open_ai", model: "gpt-4o-mini" } },
          speak: { provider: { type: "eleven_labs", model_id: "eleven_turbo_v2" } },
          greeting: "Hi!",
        },
      },
    });
    expect(json(codec.open!())).toEqual([
      {
        type: "Settings",
        tags: ["demo"],
        audio: { input: { encoding: "linear16", sample_rate: 16000 }, output: { encoding: "linear16", sample_rate: 24000, container: "none" } },
        agent: {
          think: {
            prompt: "Be brief.",
            functions: [{ name: "lookup", description: "find", parameters: { type: "object" } }],
            provider: { type: "open_ai", model: "gpt-4o-mini" },
          },
          // A provider is replaced whole: the mapped deepgram model does not leak into eleven_labs.
          speak: { provider: { type: "eleven_labs", model_id: "eleven_turbo_v2" } },
          language: "en",
          greeting: "Hi!",
        },
      },
    ]);
  });

  it("a think fallback list gets the instructions and tools in each entry", () => {
    const codec = createDeepgramCodec(plan, {
      agent: { instructions: "x" },
      settings: { agent: { think: [{ provider: { type: "open_ai", model: "a" } }, { provider: { type: "anthropic", model: "b" }, prompt: "own" }] } },
    });
    expect(json(codec.open!())[0].agent.think).toEqual([
      { prompt: "x", provider: { type: "open_ai", model: "a" } },
      { prompt: "own", provider: { type: "anthropic", model: "b" } },
    ]);
  });

  it("is not ready until SettingsApplied, which is the agent listening; Welcome is the session start", () => {
    const codec = createDeepgramCodec(plan);
    expect(codec.ready).toBe(false);
    expect(strip(codec.decode('{"type":"Welcome","request_id":"r-1"}'))).toEqual([{ type: "session-started", ids: { request_id: "r-1" } }]);
    expect(codec.ready).toBe(false);
    expect(strip(codec.decode('{"type":"SettingsApplied"}'))).toEqual([{ type: "agent-state", state: "listening" }]);
    expect(codec.ready).toBe(true);
  });

  it("declares KeepAlive every 8 s, only while no audio goes out", () => {
    const { keepalive } = createDeepgramCodec(plan);
    expect(keepalive).toMatchObject({ intervalMs: 8000, whileIdleOnly: true });
    expect(json(keepalive!.frames())).toEqual([{ type: "KeepAlive" }]);
  });
});

describe("the client codec: audio, tools, text, updates, errors", () => {
  it("audio is binary PCM16 both ways; a wrong rate is refused", () => {
    const codec = createDeepgramCodec(plan);
    const samples = Int16Array.from([1, -2, 300]);
    const [frame] = codec.encode({ type: "audio-append", audio: samples, sampleRate: 16000 });
    expect(Array.from(new Int16Array((frame as Uint8Array).slice().buffer))).toEqual([1, -2, 300]);
    expect(() => codec.encode({ type: "audio-append", audio: samples, sampleRate: 24000 })).toThrow(/24000 Hz/);
    const [chunk] = codec.decode(new Uint8Array([1, 0, 255, 255]));
    expect(chunk).toMatchObject({ type: "audio-chunk", sampleRate: 24000 });
    expect(Array.from((chunk as { audio: Int16Array }).audio)).toEqual([1, -1]);
    expect(codec.decode(new Uint8Array([1, 2, 3]))[0]).toMatchObject({ type: "error", code: "invalid_audio", fatal: false });
  });

  it("a client-side call becomes tool-call; its result repeats the function name; an unknown id is refused", () => {
    const codec = createDeepgramCodec(plan);
    const events = codec.decode(
      JSON.stringify({
        type: "FunctionCallRequest",
        functions: [
          { id: "a", name: "lookup", arguments: '{"q":1}', client_side: true },
          { id: "b", name: "server_fn", arguments: "{}", client_side: false },
        ],
      }),
    );
    expect(strip(events).map((e) => e.type)).toEqual(["tool-call", "passthrough"]);
    expect(events[0]).toMatchObject({ callId: "a", name: "lookup", arguments: { q: 1 } });
    expect(json(codec.encode({ type: "tool-result", callId: "a", output: { ok: true } }))).toEqual([
      { type: "FunctionCallResponse", id: "a", name: "lookup", content: '{"ok":true}' },
    ]);
    expect(() => codec.encode({ type: "tool-result", callId: "a", output: "again" })).toThrow(/no open FunctionCallRequest/);
    codec.decode(JSON.stringify({ type: "FunctionCallRequest", functions: [{ id: "c", name: "lookup", arguments: "", client_side: true }] }));
    expect(json(codec.encode({ type: "tool-result", callId: "c", output: "boom", isError: true }))[0].content).toBe('{"error":"boom"}');
  });

  it("arguments that are not JSON are reported and still reach the application as text", () => {
    const codec = createDeepgramCodec(plan);
    const events = strip(
      codec.decode(JSON.stringify({ type: "FunctionCallRequest", functions: [{ id: "a", name: "f", arguments: "{oops", client_side: true }] })),
    );
    expect(events).toMatchObject([
      { type: "error", code: "protocol_violation", fatal: false },
      { type: "tool-call", callId: "a", arguments: "{oops" },
    ]);
  });

  it("UserStartedSpeaking is speech-started and the barge-in; ConversationText a whole transcript turn", () => {
    const codec = createDeepgramCodec(plan);
    expect(strip(codec.decode('{"type":"UserStartedSpeaking"}'))).toEqual([{ type: "speech-started" }, { type: "playback-clear" }]);
    expect(strip(codec.decode('{"type":"ConversationText","role":"assistant","content":"Hi"}'))).toEqual([
      { type: "transcript-end", role: "agent", text: "Hi" },
    ]);
  });

  it("text is InjectUserMessage; updates are UpdateThink (with the instructions so far), UpdatePrompt, UpdateSpeak", () => {
    const codec = createDeepgramCodec(plan, {
      agent: { instructions: "first" },
      settings: { agent: { think: { provider: { type: "open_ai", model: "m" } } } },
    });
    expect(json(codec.encode({ type: "text-send", text: "hello" }))).toEqual([{ type: "InjectUserMessage", content: "hello" }]);
    expect(json(codec.encode({ type: "session-update", agent: { tools: [{ name: "t" }] } }))).toEqual([
      { type: "UpdateThink", think: { provider: { type: "open_ai", model: "m" }, prompt: "first", functions: [{ name: "t" }] } },
    ]);
    expect(json(codec.encode({ type: "session-update", agent: { instructions: "second", voice: "aura-2-zeus-en" } }))).toEqual([
      { type: "UpdatePrompt", prompt: "second" },
      { type: "UpdateSpeak", speak: { provider: { type: "deepgram", model: "aura-2-zeus-en" } } },
    ]);
    expect(() => codec.encode({ type: "session-update", agent: { language: "de" } })).toThrow(/language cannot change/);
  });

  it("Error is fatal and typed by its code; Warning is a debug line", () => {
    const codec = createDeepgramCodec(plan);
    const error = (code: string) =>
      codec.decode(JSON.stringify({ type: "Error", description: "why", code }))[0] as {
        error?: { code: string; fatal: boolean; retryable: boolean; vendorCode?: string };
        message: string;
      };
    expect(error("CLIENT_MESSAGE_TIMEOUT").error).toMatchObject({
      code: "timeout",
      fatal: true,
      retryable: true,
      vendorCode: "CLIENT_MESSAGE_TIMEOUT",
    });
    expect(error("INVALID_SETTINGS").error).toMatchObject({ code: "protocol_violation", fatal: true, retryable: false });
    expect(error("INTERNAL_SERVER_ERROR").error).toMatchObject({ code: "vendor_error", fatal: true, retryable: true });
    expect(error("SOMETHING_NEW").error).toMatchObject({ code: "vendor_error", fatal: true, retryable: false });
    expect(error("X").message).toContain("why");
    expect(strip(codec.decode('{"type":"Warning","description":"slow","code":"SLOW_THINK_REQUEST"}'))).toEqual([
      { type: "debug", message: "SLOW_THINK_REQUEST: slow" },
    ]);
  });

  it("an upgrade refusal takes Deepgram's err_code as the vendor code", () => {
    const error = createDeepgramCodec(plan).upgradeRejected(401, '{"err_code":"INVALID_AUTH","err_msg":"Invalid credentials.","request_id":"r"}');
    expect(error).toMatchObject({ code: "auth_failed", vendorCode: "INVALID_AUTH" });
  });
});

describe("the peer codec", () => {
  it("reads Settings, updates, text and results as commands", () => {
    const peer = createDeepgramPeerCodec(plan);
    const settings = {
      type: "Settings",
      audio: {},
      agent: { think: { prompt: "p", functions: [{ name: "f" }] }, speak: { provider: { type: "deepgram", model: "v" } }, language: "en" },
    };
    expect(peer.decode(JSON.stringify(settings))).toEqual([
      { type: "session-update", agent: { instructions: "p", tools: [{ name: "f" }], voice: "v", language: "en" } },
    ]);
    expect(peer.decode('{"type":"InjectUserMessage","content":"hi"}')).toEqual([{ type: "text-send", text: "hi" }]);
    expect(peer.decode('{"type":"FunctionCallResponse","id":"a","name":"f","content":"ok"}')).toEqual([
      { type: "tool-result", callId: "a", output: "ok" },
    ]);
    expect(peer.decode('{"type":"KeepAlive"}')).toMatchObject([{ type: "passthrough", name: "KeepAlive" }]);
    expect(peer.decode(new Uint8Array([0, 1]))).toMatchObject([{ type: "audio-append", sampleRate: 16000 }]);
  });

  it("the first listening is SettingsApplied, later ones AgentAudioDone only after speech; one UserStartedSpeaking per barge-in", () => {
    const peer = createDeepgramPeerCodec(plan);
    const types = (events: InboundEvent[]) => events.flatMap((e) => peer.encode(e)).map((f) => JSON.parse(f as string).type);
    expect(
      types([
        { type: "agent-state", state: "listening" },
        { type: "agent-state", state: "speaking" },
        { type: "speech-started" },
        { type: "playback-clear" },
        { type: "agent-state", state: "listening" },
        { type: "agent-state", state: "listening" },
        { type: "playback-clear" },
      ]),
    ).toEqual(["SettingsApplied", "AgentStartedSpeaking", "UserStartedSpeaking", "AgentAudioDone", "UserStartedSpeaking"]);
  });
});
