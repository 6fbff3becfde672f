import type { AgentConfig, ConnectPlan, DialectEnv, Preparation } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { openai } from "./openai.js";
import { agentFromSession, openingSession, updatedSession } from "./session-config.js";

const node: DialectEnv = { runtime: "node", now: 0 };
const KEY = "sk-proj-T3st0nly_0123456789abcdef";
const planOf = (p: Preparation): ConnectPlan => (p.kind === "plan" ? p.plan : (undefined as never));
const weather = {
  name: "get_weather",
  description: "The weather in a city",
  parameters: { type: "object", properties: { city: { type: "string" } } },
};
const agent: AgentConfig = { instructions: "Be brief.", voice: "cedar", tools: [weather], turnDetection: "semantic", language: "de-DE" };

/** The session object of the codec's opening frame. */
function openWith(options: Partial<Parameters<typeof openai>[0]>, agentConfig?: AgentConfig) {
  const dialect = openai({ apiKey: KEY, model: "gpt-realtime", ...options } as Parameters<typeof openai>[0]);
  const env: DialectEnv = agentConfig ? { ...node, agent: agentConfig } : node;
  const [frame] = dialect.createCodec(planOf(dialect.prepare(env)), env).open!();
  return JSON.parse(frame as string) as { type: string; session: Record<string, unknown> };
}

describe("the opening session.update", () => {
  it("maps connect()'s agent: instructions, voice, function tools, semantic VAD, the language's ISO 639-1 code", () => {
    expect(openWith({ voice: "marin", instructions: "from the factory" }, agent)).toEqual({
      type: "session.update",
      session: {
        type: "realtime",
        audio: {
          input: {
            format: { type: "audio/pcm", rate: 24000 },
            turn_detection: { type: "semantic_vad" },
            transcription: { language: "de" },
          },
          output: { format: { type: "audio/pcm", rate: 24000 }, voice: "cedar" },
        },
        instructions: "Be brief.",
        tools: [{ type: "function", ...weather }],
      },
    });
  });

  it("keeps the factory's voice and instructions where the agent says nothing; no turn detection is server VAD, none is null", () => {
    const { session } = openWith({ voice: "marin", instructions: "Hi." }, { turnDetection: "none" });
    expect(session).toMatchObject({ instructions: "Hi.", audio: { input: { turn_detection: null }, output: { voice: "marin" } } });
    expect(openWith({}).session).toMatchObject({ audio: { input: { turn_detection: { type: "server_vad" } } } });
    expect(openWith({}).session).not.toHaveProperty("tools");
  });

  it("merges the session escape hatch over the mapping: objects key by key, tools appended", () => {
    const mcp = { type: "mcp", server_label: "docs", server_url: "https://mcp.example/sse" };
    const { session } = openWith(
      {
        session: {
          output_modalities: ["audio"],
          tools: [mcp],
          audio: { input: { transcription: { model: "gpt-4o-transcribe" }, noise_reduction: { type: "near_field" } } },
        },
      },
      agent,
    );
    expect(session.output_modalities).toEqual(["audio"]);
    expect(session.tools).toEqual([{ type: "function", ...weather }, mcp]);
    expect(session.audio).toMatchObject({
      input: {
        format: { type: "audio/pcm", rate: 24000 },
        transcription: { model: "gpt-4o-transcribe", language: "de" },
        noise_reduction: { type: "near_field" },
      },
    });
  });

  it("refuses an escape hatch that sets the session type or an audio format", () => {
    expect(() => openai({ apiKey: KEY, model: "m", session: { type: "transcription" } })).toThrow(/audio option/);
    expect(() => openai({ apiKey: KEY, model: "m", session: { audio: { output: { format: { type: "audio/pcmu" } } } } })).toThrow(/audio option/);
    expect(() => openai({ apiKey: KEY, model: "m", session: [] as never })).toThrow(/object/);
  });
});

describe("session-update mid-session", () => {
  it("sends only the fields the agent names", () => {
    const dialect = openai({ apiKey: KEY, model: "m", voice: "marin" });
    const codec = dialect.createCodec(planOf(dialect.prepare(node)), node);
    const [frame] = codec.encode({ type: "session-update", agent: { instructions: "Now in French." } });
    expect(JSON.parse(frame as string)).toEqual({ type: "session.update", session: { type: "realtime", instructions: "Now in French." } });
    expect(updatedSession({ turnDetection: "server", tools: [] }, "ga")).toEqual({
      type: "realtime",
      audio: { input: { turn_detection: { type: "server_vad" } } },
      tools: [],
    });
  });
});

describe("the peer reads a session back into an AgentConfig", () => {
  it("round-trips what the mapping sends (the language as its ISO 639-1 code), GA and beta", () => {
    const back = agentFromSession(openingSession({ audio: "pcmu", compat: "ga" }, agent));
    expect(back).toEqual({ ...agent, language: "de" });
    expect(agentFromSession(openingSession({ audio: "pcm16", compat: "azure" }, agent))).toEqual(agent);
    expect(agentFromSession({ type: "realtime" })).toEqual({});
    expect(agentFromSession({ audio: { output: { voice: { id: "voice_1234" } } }, tools: [{ type: "mcp" }, 7] })).toEqual({
      voice: "voice_1234",
      tools: [],
    });
  });
});
