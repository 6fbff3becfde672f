import type { ConnectPlan, DialectCodec, InboundEvent } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { createGeminiCodec, type GeminiCodecConfig } from "./client-codec.js";
import { agentFromSetup, setupObject } from "./setup.js";

const plan: ConnectPlan = {
  url: "wss://example.invalid/ws",
  audio: { outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 }, inbound: { encoding: "pcm16", sampleRate: 24000 } },
  secrets: [],
};
const config: GeminiCodecConfig = { model: "gemini-live-2.5-flash-preview", resumption: true };

function codec(overrides: Partial<GeminiCodecConfig> = {}, env = codecEnv()): DialectCodec {
  return createGeminiCodec(plan, env, { ...config, ...overrides });
}
const json = (message: unknown) => JSON.stringify(message);
const types = (events: InboundEvent[]) => events.map((e) => (e.type === "agent-state" ? `agent-state:${e.state}` : e.type));
const setupOf = (c: DialectCodec) => (JSON.parse(c.open!()[0] as string) as { setup: Record<string, unknown> }).setup;

describe("the setup message", () => {
  it("maps the agent option: instructions, voice, language, tools, turn detection; transcription and resumption on", () => {
    const agent = {
      instructions: "Be brief.",
      voice: "Puck",
      language: "de-DE",
      turnDetection: "none" as const,
      tools: [{ name: "lookup", description: "find a thing", parameters: { type: "object", properties: { q: { type: "string" } } } }],
    };
    expect(setupOf(codec({}, codecEnv({ agent })))).toEqual({
      model: "models/gemini-live-2.5-flash-preview",
      generationConfig: {
        responseModalities: ["AUDIO"],
        speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Puck" } }, languageCode: "de-DE" },
      },
      systemInstruction: { parts: [{ text: "Be brief." }] },
      tools: [{ functionDeclarations: [{ name: "lookup", description: "find a thing", parametersJsonSchema: agent.tools[0]!.parameters }] }],
      realtimeInputConfig: { automaticActivityDetection: { disabled: true } },
      inputAudioTranscription: {},
      outputAudioTranscription: {},
      sessionResumption: {},
    });
  });

  it("reads back into the same agent on the vendor's side (server and semantic detection read as server)", () => {
    const agent = {
      instructions: "Hi",
      voice: "Kore",
      language: "en",
      turnDetection: "server" as const,
      tools: [{ name: "t", parameters: { type: "object" } }],
    };
    expect(agentFromSetup(setupObject({ model: "m", agent, resumption: true }))).toEqual(agent);
    expect(agentFromSetup(setupObject({ model: "m", agent: { turnDetection: "semantic" }, resumption: false }))).toEqual({ turnDetection: "server" });
  });

  it("merges the setup escape hatch over the mapping, appends its tools, and never lets it drop the model", () => {
    const setup = setupOf(
      codec(
        {
          setup: {
            generationConfig: { temperature: 0.2 },
            tools: [{ googleSearch: {} }],
            realtimeInputConfig: { activityHandling: "NO_INTERRUPTION" },
            contextWindowCompression: { slidingWindow: {} },
            sessionResumption: { transparent: true },
          },
        },
        codecEnv({ agent: { tools: [{ name: "f" }], turnDetection: "server" }, resume: { handle: "h-1", calls: {} } }),
      ),
    );
    expect(setup).toMatchObject({
      model: "models/gemini-live-2.5-flash-preview",
      generationConfig: { responseModalities: ["AUDIO"], temperature: 0.2 },
      tools: [{ functionDeclarations: [{ name: "f" }] }, { googleSearch: {} }],
      realtimeInputConfig: { automaticActivityDetection: { disabled: false }, activityHandling: "NO_INTERRUPTION" },
      contextWindowCompression: { slidingWindow: {} },
      sessionResumption: { transparent: true, handle: "h-1" },
    });
  });

  it("without resumption asks for no handles and ignores env.resume", () => {
    const c = codec({ resumption: false }, codecEnv({ resume: { handle: "h-1", calls: {} } }));
    expect(setupOf(c).sessionResumption).toBeUndefined();
    c.decode(json({ sessionResumptionUpdate: { newHandle: "h-2", resumable: true } }));
    expect(c.resumeState?.()).toBeUndefined();
  });
});

describe("the client codec", () => {
  it("is not ready until setupComplete, which starts the session with the model listening", () => {
    const c = codec();
    expect(c.ready).toBe(false);
    expect(types(c.decode(json({ setupComplete: { sessionId: "s-1" } })))).toEqual(["session-started", "agent-state:listening"]);
    expect(c.ready).toBe(true);
    expect(c.decode(json({ setupComplete: { sessionId: "s-1" } }))[0]).toMatchObject({ ids: { sessionId: "s-1" } });
  });

  it("sends audio as realtimeInput.audio at 16 kHz and refuses another rate", () => {
    const c = codec();
    const [frame] = c.encode({ type: "audio-append", audio: new Int16Array([1, -1]), sampleRate: 16000 });
    expect(JSON.parse(frame as string)).toEqual({ realtimeInput: { audio: { data: "AQD//w==", mimeType: "audio/pcm;rate=16000" } } });
    expect(() => c.encode({ type: "audio-append", audio: new Int16Array(2), sampleRate: 24000 })).toThrow(/24000 Hz/);
  });

  it("reads agent audio as 24 kHz whether or not the mimeType states the rate", () => {
    const c = codec();
    const part = (mimeType: string) => json({ serverContent: { modelTurn: { parts: [{ inlineData: { mimeType, data: "AQD//w==" } }] } } });
    expect(c.decode(part("audio/pcm"))).toMatchObject([
      { type: "agent-state", state: "speaking" },
      { type: "audio-chunk", sampleRate: 24000 },
    ]);
    expect(c.decode(part("audio/pcm;rate=24000"))).toMatchObject([{ type: "audio-chunk", audio: new Int16Array([1, -1]) }]);
  });

  it("ends the user's transcript when the model answers, and the agent's at turnComplete", () => {
    const c = codec();
    c.decode(json({ serverContent: { inputTranscription: { text: "hi there" } } }));
    const answer = c.decode(
      json({
        serverContent: { modelTurn: { parts: [{ inlineData: { mimeType: "audio/pcm", data: "AAA=" } }] }, outputTranscription: { text: "Hello" } },
      }),
    );
    expect(answer).toMatchObject([
      { type: "transcript-end", role: "user", text: "hi there" },
      { type: "agent-state", state: "speaking" },
      { type: "audio-chunk" },
      { type: "transcript-delta", role: "agent", text: "Hello" },
    ]);
    expect(c.decode(json({ serverContent: { turnComplete: true } }))).toMatchObject([
      { type: "transcript-end", role: "agent", text: "Hello" },
      { type: "agent-state", state: "listening" },
    ]);
    // A turn that said nothing completes silently: passed through, no state change.
    expect(c.decode(json({ serverContent: { turnComplete: true } }))).toMatchObject([{ type: "passthrough", name: "serverContent" }]);
  });

  it("answers a tool call with the call's name, the result as output or error; an unknown id is refused", () => {
    const c = codec();
    expect(
      c.decode(
        json({
          toolCall: {
            functionCalls: [
              { id: "a", name: "f", args: { x: 1 } },
              { id: "b", name: "g" },
            ],
          },
        }),
      ),
    ).toMatchObject([
      { type: "tool-call", callId: "a", name: "f", arguments: { x: 1 } },
      { type: "tool-call", callId: "b", name: "g", arguments: {} },
    ]);
    expect(JSON.parse(c.encode({ type: "tool-result", callId: "b", output: "boom", isError: true })[0] as string)).toEqual({
      toolResponse: { functionResponses: [{ id: "b", name: "g", response: { error: "boom" } }] },
    });
    expect(() => c.encode({ type: "tool-result", callId: "b", output: 1 })).toThrow(/never asked for/);
    c.decode(json({ toolCallCancellation: { ids: ["a"] } }));
    expect(() => c.encode({ type: "tool-result", callId: "a", output: 1 })).toThrow(/never asked for/);
  });

  it("a call without an id is reported, not answered", () => {
    expect(codec().decode(json({ toolCall: { functionCalls: [{ name: "f" }] } }))).toMatchObject([
      { type: "error", code: "protocol_violation", fatal: false },
    ]);
  });

  it("sends typed text as realtimeInput.text, and nothing for what the wire lacks", () => {
    const c = codec();
    expect(c.encode({ type: "text-send", text: "hello" })).toEqual(['{"realtimeInput":{"text":"hello"}}']);
    expect(c.encode({ type: "playback-heard", turnId: "t", heardMs: 100 })).toEqual([]);
    expect(c.encode({ type: "session-update", agent: { instructions: "x" } })).toEqual([]);
    expect(c.encode({ type: "session-stop" })).toEqual([]);
  });

  it("goAway warns with session-expiring; an unreadable timeLeft passes through", () => {
    const c = codec();
    expect(c.decode(json({ goAway: { timeLeft: "1.5s" } }))).toMatchObject([{ type: "session-expiring", inMs: 1500 }]);
    expect(c.decode(json({ goAway: { timeLeft: "soon" } }))).toMatchObject([{ type: "passthrough", name: "goAway" }]);
  });
});

describe("resumption state", () => {
  it("keeps the latest resumable handle, not an unresumable update, with the unanswered calls", () => {
    const c = codec();
    expect(c.resumeState?.()).toBeUndefined();
    c.decode(json({ sessionResumptionUpdate: { newHandle: "h-1", resumable: true } }));
    c.decode(json({ toolCall: { functionCalls: [{ id: "call-9", name: "lookup" }] } }));
    c.decode(json({ sessionResumptionUpdate: { newHandle: "", resumable: false } }));
    expect(c.resumeState?.()).toEqual({ handle: "h-1", calls: { "call-9": "lookup" } });
  });

  it("a codec made with env.resume puts the handle in its setup and can answer the earlier connection's call", () => {
    const first = codec();
    first.decode(json({ sessionResumptionUpdate: { newHandle: "h-7", resumable: true } }));
    first.decode(json({ toolCall: { functionCalls: [{ id: "call-1", name: "lookup" }] } }));
    const next = codec({}, codecEnv({ resume: first.resumeState!() }));
    expect(setupOf(next).sessionResumption).toEqual({ handle: "h-7" });
    expect(next.resumeState?.()).toEqual({ handle: "h-7", calls: { "call-1": "lookup" } });
    expect(JSON.parse(next.encode({ type: "tool-result", callId: "call-1", output: { ok: true } })[0] as string)).toEqual({
      toolResponse: { functionResponses: [{ id: "call-1", name: "lookup", response: { output: { ok: true } } }] },
    });
  });

  it("ignores an env.resume that is not one (a new session starts)", () => {
    for (const resume of [undefined, "h", { handle: "" }, { handle: 3 }]) {
      expect(setupOf(codec({}, codecEnv({ resume }))).sessionResumption).toEqual({});
    }
  });
});
