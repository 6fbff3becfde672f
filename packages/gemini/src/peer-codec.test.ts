import type { ConnectPlan, PeerCodec } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { createGeminiPeerCodec } from "./peer-codec.js";
import { tokenRequest } from "./server/mint-token.js";

const plan: ConnectPlan = {
  url: "/ws",
  audio: { outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 }, inbound: { encoding: "pcm16", sampleRate: 24000 } },
  secrets: [],
};
const parsed = (peer: PeerCodec, ...events: Parameters<PeerCodec["encode"]>[0][]) =>
  events.flatMap((e) => peer.encode(e)).map((f) => JSON.parse(f as string));

describe("the peer codec (the service's side)", () => {
  it("completes a turn only after one happened, and before a new one starts over an open one", () => {
    const peer = createGeminiPeerCodec(plan);
    expect(parsed(peer, { type: "agent-state", state: "listening" })).toEqual([]);
    expect(parsed(peer, { type: "agent-state", state: "speaking" })).toEqual([]);
    expect(parsed(peer, { type: "agent-state", state: "speaking" })).toEqual([{ serverContent: { turnComplete: true } }]);
    expect(parsed(peer, { type: "agent-state", state: "listening" })).toEqual([{ serverContent: { turnComplete: true } }]);
    expect(parsed(peer, { type: "agent-state", state: "listening" })).toEqual([]);
  });

  it("sends a transcript's end only when text is left: a remainder with finished, else nothing", () => {
    const peer = createGeminiPeerCodec(plan);
    expect(parsed(peer, { type: "transcript-end", role: "user", text: "[speech 1.2 s]" })).toEqual([
      { serverContent: { inputTranscription: { text: "[speech 1.2 s]", finished: true } } },
    ]);
    expect(
      parsed(
        peer,
        { type: "transcript-delta", role: "agent", delta: "Hello", text: "Hello" },
        { type: "transcript-end", role: "agent", text: "Hello" },
      ),
    ).toEqual([{ serverContent: { outputTranscription: { text: "Hello" } } }]);
    expect(
      parsed(peer, { type: "transcript-delta", role: "user", delta: "Hi", text: "Hi" }, { type: "transcript-end", role: "user", text: "Hi there" }),
    ).toEqual([
      { serverContent: { inputTranscription: { text: "Hi" } } },
      { serverContent: { inputTranscription: { text: " there", finished: true } } },
    ]);
  });

  it("writes tool calls, cancellations, speech events and goAway in the service's shapes", () => {
    const peer = createGeminiPeerCodec(plan);
    expect(
      parsed(
        peer,
        { type: "tool-call", callId: "call_1", name: "lookup", arguments: { q: 1 } },
        { type: "tool-call-cancelled", callIds: ["call_1"] },
        { type: "speech-started" },
        { type: "session-expiring", inMs: 1500 },
      ),
    ).toEqual([
      { toolCall: { functionCalls: [{ id: "call_1", name: "lookup", args: { q: 1 } }] } },
      { toolCallCancellation: { ids: ["call_1"] } },
      { voiceActivity: { voiceActivityType: "ACTIVITY_START" } },
      { goAway: { timeLeft: "1.5s" } },
    ]);
  });

  it("reads the client's setup as a session-update, audio at 16 kHz only, text, and tool responses", () => {
    const peer = createGeminiPeerCodec(plan);
    expect(peer.decode(JSON.stringify({ setup: { model: "models/m", systemInstruction: { parts: [{ text: "a" }, { text: "b" }] } } }))).toEqual([
      { type: "session-update", agent: { instructions: "a\nb" } },
    ]);
    expect(peer.decode(JSON.stringify({ realtimeInput: { audio: { data: "AQD//w==", mimeType: "audio/pcm;rate=16000" } } }))).toEqual([
      { type: "audio-append", audio: new Int16Array([1, -1]), sampleRate: 16000 },
    ]);
    expect(peer.decode(JSON.stringify({ realtimeInput: { audio: { data: "AQD//w==", mimeType: "audio/pcm;rate=8000" } } }))).toMatchObject([
      { type: "error", code: "invalid_audio" },
    ]);
    expect(peer.decode(JSON.stringify({ realtimeInput: { mediaChunks: [{ data: "AQA=", mimeType: "audio/pcm;rate=16000" }] } }))).toMatchObject([
      { type: "audio-append", audio: new Int16Array([1]) },
    ]);
    expect(peer.decode('{"realtimeInput":{"text":"hi"}}')).toEqual([{ type: "text-send", text: "hi" }]);
    expect(
      peer.decode(
        JSON.stringify({
          toolResponse: {
            functionResponses: [
              { id: "a", name: "f", response: { output: 1 } },
              { id: "b", name: "f", response: { error: "no" } },
              { id: "c", name: "f", response: { mood: "happy" } },
              { name: "f", response: {} },
            ],
          },
        }),
      ),
    ).toMatchObject([
      { type: "tool-result", callId: "a", output: 1 },
      { type: "tool-result", callId: "b", output: "no", isError: true },
      { type: "tool-result", callId: "c", output: { mood: "happy" } },
      { type: "error", code: "protocol_violation" },
    ]);
  });
});

describe("the token request", () => {
  it("POSTs to v1alpha/auth_tokens with the key in x-goog-api-key, the service's defaults, and a locked setup when asked", () => {
    const request = tokenRequest(
      { apiKey: "AIzaKey", constraints: { model: "gemini-live-2.5-flash-preview", setup: { generationConfig: { temperature: 0 } } } },
      0,
    );
    expect(request).toMatchObject({
      method: "POST",
      url: "https://generativelanguage.googleapis.com/v1alpha/auth_tokens",
      headers: { "x-goog-api-key": "AIzaKey" },
      secrets: ["AIzaKey"],
      expiresAt: 30 * 60_000,
      newSessionExpiresAt: 60_000,
    });
    expect(JSON.parse(request.body!)).toEqual({
      uses: 1,
      expireTime: "1970-01-01T00:30:00.000Z",
      newSessionExpireTime: "1970-01-01T00:01:00.000Z",
      bidiGenerateContentSetup: { generationConfig: { temperature: 0 }, model: "models/gemini-live-2.5-flash-preview" },
    });
  });

  it("refuses options that can never work, without the key in the message", () => {
    for (const options of [
      { apiKey: "" },
      { apiKey: "AIzaKey", uses: -1 },
      { apiKey: "AIzaKey", expireTimeMs: 0 },
      { apiKey: "AIzaKey", baseUrl: "ws://x" },
    ]) {
      expect(() => tokenRequest(options, 0)).toThrow(
        expect.objectContaining({ code: "invalid_config", message: expect.not.stringContaining("AIzaKey") }),
      );
    }
  });
});
