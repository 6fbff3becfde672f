import { describe, expect, it } from "vitest";
import { agentFromInitiation, initiationFor, languageCode } from "./initiation.js";

describe("the agent option as ElevenLabs overrides", () => {
  it("maps instructions, language and voice; leaves tools and turn detection out", () => {
    expect(
      initiationFor({ instructions: "Be brief.", language: "pt-BR", voice: "v1", tools: [{ name: "t" }], turnDetection: "none" }, undefined),
    ).toEqual({ conversation_config_override: { agent: { prompt: { prompt: "Be brief." }, language: "pt-br" }, tts: { voice_id: "v1" } } });
    expect(initiationFor(undefined, undefined)).toEqual({});
  });

  it("merges the escape hatch over the mapping, section by section and into the prompt", () => {
    const merged = initiationFor(
      { instructions: "Be brief.", voice: "v1" },
      {
        conversation_config_override: {
          agent: { first_message: "Hi!", prompt: { llm: "x" } },
          tts: { speed: 1.1 },
          conversation: { text_only: true },
        },
        dynamic_variables: { name: "Ada" },
      },
    );
    expect(merged).toEqual({
      conversation_config_override: {
        agent: { prompt: { prompt: "Be brief.", llm: "x" }, first_message: "Hi!" },
        tts: { voice_id: "v1", speed: 1.1 },
        conversation: { text_only: true },
      },
      dynamic_variables: { name: "Ada" },
    });
  });

  it("language codes: the AsyncAPI list, by full tag or primary subtag", () => {
    expect([languageCode("en-US"), languageCode("DE"), languageCode("pt_BR"), languageCode("zh-Hant"), languageCode("tlh")]).toEqual([
      "en",
      "de",
      "pt-br",
      "zh",
      undefined,
    ]);
  });

  it("the vendor side reads the overrides back as far as they map", () => {
    const message = initiationFor({ instructions: "Be brief.", voice: "v1", language: "de" }, undefined);
    expect(agentFromInitiation(message as Record<string, unknown>)).toEqual({ instructions: "Be brief.", voice: "v1", language: "de" });
    expect(agentFromInitiation({ conversation_config_override: "x" })).toEqual({});
  });
});
