import { base64Encode, type ConnectPlan, type DialectEnv, type Preparation } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { openai } from "./openai.js";

const node: DialectEnv = { runtime: "node", now: 0 };
const browser: DialectEnv = { runtime: "browser", now: 0 };
const KEY = "0123456789abcdef0123456789abcdef";
const planOf = (p: Preparation): ConnectPlan => (p.kind === "plan" ? p.plan : (undefined as never));
const azure = (more: Record<string, unknown> = {}) =>
  openai({ apiKey: KEY, model: "gpt-realtime", baseUrl: "https://my-res.services.ai.azure.com", compat: "azure", ...more });
const frame = (message: Record<string, unknown>) => JSON.stringify(message);

describe('compat: "azure" (Azure Voice Live)', () => {
  it("dials /voice-live/realtime with api-version and model, the key in an api-key header", () => {
    const plan = planOf(azure().prepare(node));
    expect(plan.url).toBe("wss://my-res.services.ai.azure.com/voice-live/realtime?api-version=2025-10-01&model=gpt-realtime");
    expect(plan.headers).toEqual({ "api-key": KEY });
    expect(plan.secrets).toContain(KEY);
    expect(planOf(azure({ apiVersion: "2025-05-01-preview" }).prepare(node)).url).toContain("api-version=2025-05-01-preview");
    expect(() => azure({ apiVersion: "latest" })).toThrow(/apiVersion/);
  });

  it("opens with the beta session fields", () => {
    const dialect = azure({ audio: "pcmu" });
    const env: DialectEnv = { ...node, agent: { voice: "alloy", turnDetection: "semantic", language: "en-US", tools: [{ name: "f" }] } };
    const [open] = dialect.createCodec(planOf(dialect.prepare(env)), env).open!();
    expect(JSON.parse(open as string)).toEqual({
      type: "session.update",
      session: {
        modalities: ["text", "audio"],
        input_audio_format: "g711_ulaw",
        output_audio_format: "g711_ulaw",
        voice: "alloy",
        turn_detection: { type: "azure_semantic_vad" },
        input_audio_transcription: { language: "en-US" },
        tools: [{ type: "function", name: "f" }],
      },
    });
  });

  it("decodes the beta event names as their GA events; the peer sends the beta names", () => {
    const dialect = azure();
    const plan = planOf(dialect.prepare(node));
    const codec = dialect.createCodec(plan, node);
    const pcm = base64Encode(new Uint8Array(4));
    expect(codec.decode(frame({ type: "response.audio.delta", item_id: "i1", delta: pcm }))).toMatchObject([{ type: "audio-chunk", turnId: "i1" }]);
    expect(codec.decode(frame({ type: "response.audio_transcript.delta", item_id: "i1", delta: "Hi" }))).toMatchObject([
      { type: "transcript-delta", role: "agent", text: "Hi" },
    ]);
    expect(codec.decode(frame({ type: "response.audio_transcript.done", item_id: "i1", transcript: "Hi!" }))).toMatchObject([
      { type: "transcript-end", role: "agent", text: "Hi!" },
    ]);
    expect(codec.decode(frame({ type: "response.audio.done", item_id: "i1" }))).toMatchObject([{ type: "passthrough", name: "response.audio.done" }]);
    const peer = dialect.createPeerCodec!(plan);
    expect(JSON.parse(peer.encode({ type: "audio-chunk", audio: new Int16Array(2), sampleRate: 24000 })[0] as string).type).toBe(
      "response.audio.delta",
    );
    // GA names are still OpenAI's, not Azure's: they pass through under compat.
    expect(codec.decode(frame({ type: "response.output_audio.delta", delta: pcm }))).toMatchObject([{ type: "audio-chunk" }]);
  });

  it("takes only an API key, and never in a browser", () => {
    expect(() => openai({ clientSecret: "ek_abc", model: "m", compat: "azure" })).toThrow(/apiKey/);
    expect(() => azure().prepare(browser)).toThrow(/never reach a browser/);
    expect(() => openai({ apiKey: KEY, model: "m", compat: "beta" as never })).toThrow(/compat/);
  });
});
