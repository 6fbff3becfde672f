import { type AgentConfig, ConfigError, isRecord } from "@voxwire/core";
import { DIALECT_NAME, type ElevenlabsConfigOverride, type ElevenlabsInitiation } from "./wire.js";

/*
 * The `agent` option of `connect()` as ElevenLabs' per-conversation overrides (AsyncAPI
 * `ConversationConfigClientOverride`): instructions → `agent.prompt.prompt`, language →
 * `agent.language`, voice → `tts.voice_id`. Not mapped, because the wire has no override for them:
 * `tools` (an ElevenLabs agent's client tools are configured on the agent itself, in the dashboard
 * or the agents API; a `tool-call` still arrives for each and `session.handleTools` answers it)
 * and `turnDetection` (turn taking is agent configuration too). The service only applies an
 * override the agent's security settings allow, and refuses the others (`override_error`).
 */

/** AsyncAPI `Language`: the codes `agent.language` accepts. */
const LANGUAGES = new Set(
  (
    "en ja zh de hi fr ko pt pt-br it es id nl tr pl sv bg ro ar cs el fi ms da ta uk ru hu hr sk no vi tl af hy as az be bn bs ca et gl " +
    "ka gu ha he is ga jv kn kk ky lv lt lb mk ml mr ne ps fa pa sr sd sl so sw te th ur cy"
  ).split(" "),
);

/** A BCP 47 tag as an AsyncAPI `Language` code (`de-DE` → `de`, `pt-BR` → `pt-br`), or undefined when it has none. */
export function languageCode(tag: string): string | undefined {
  const lower = tag.trim().toLowerCase().replace(/_/g, "-");
  if (LANGUAGES.has(lower)) return lower;
  const primary = lower.split("-")[0]!;
  return LANGUAGES.has(primary) ? primary : undefined;
}

/**
 * Refuses, before any I/O, an `agent` option this wire cannot carry at all: a language without an
 * ElevenLabs code. (Tools and turn detection are documented as not mapped and left out.)
 */
export function checkAgent(agent: AgentConfig | undefined): void {
  if (agent?.language !== undefined && languageCode(agent.language) === undefined) {
    throw new ConfigError(`agent.language "${agent.language}" has no ElevenLabs language code (the AsyncAPI Language list)`, {
      dialect: DIALECT_NAME,
    });
  }
}

/** The overrides the `agent` option maps to (empty sections left out). */
export function overridesFor(agent: AgentConfig | undefined): ElevenlabsConfigOverride {
  const override: ElevenlabsConfigOverride = {};
  const language = agent?.language === undefined ? undefined : languageCode(agent.language);
  if (agent?.instructions !== undefined || language !== undefined) {
    override.agent = {
      ...(agent?.instructions !== undefined ? { prompt: { prompt: agent.instructions } } : {}),
      ...(language !== undefined ? { language } : {}),
    };
  }
  if (agent?.voice !== undefined) override.tts = { voice_id: agent.voice };
  return override;
}

/**
 * The opening message's fields: the `agent` mapping, then the escape hatch over it (each override
 * section merged key by key, `agent.prompt` too, so `initiation` can add a first message without
 * losing the mapped prompt). No overrides at all sends none: the agent runs as configured.
 */
export function initiationFor(agent: AgentConfig | undefined, extra: ElevenlabsInitiation | undefined): ElevenlabsInitiation {
  const mapped = overridesFor(agent);
  const given = extra?.conversation_config_override ?? {};
  const override: Record<string, unknown> = {};
  for (const section of new Set([...Object.keys(mapped), ...Object.keys(given)]) as Set<keyof ElevenlabsConfigOverride>) {
    const merged: Record<string, unknown> = { ...(mapped[section] ?? {}), ...(given[section] ?? {}) };
    if (section === "agent") {
      const prompt = { ...(mapped.agent?.prompt ?? {}), ...(given.agent?.prompt ?? {}) };
      if (Object.keys(prompt).length > 0) merged.prompt = prompt;
    }
    override[section] = merged;
  }
  const out: ElevenlabsInitiation = { ...extra };
  delete out.conversation_config_override;
  return Object.keys(override).length > 0 ? { conversation_config_override: override as ElevenlabsConfigOverride, ...out } : out;
}

/**
 * The vendor side's reading of an initiation message: the normalized configuration as far as the
 * overrides carry it (a language code is a BCP 47 primary tag already).
 */
export function agentFromInitiation(message: Readonly<Record<string, unknown>>): AgentConfig {
  const override = isRecord(message.conversation_config_override) ? message.conversation_config_override : {};
  const agent = isRecord(override.agent) ? override.agent : {};
  const prompt = isRecord(agent.prompt) ? agent.prompt : {};
  const tts = isRecord(override.tts) ? override.tts : {};
  return {
    ...(typeof prompt.prompt === "string" ? { instructions: prompt.prompt } : {}),
    ...(typeof tts.voice_id === "string" ? { voice: tts.voice_id } : {}),
    ...(typeof agent.language === "string" ? { language: agent.language } : {}),
  };
}
