import type { AgentConfig, ToolSpec } from "@voxwire/core";
import { isRecord } from "@voxwire/core";
import { DeepgramClientMessage } from "./wire.js";

/*
 * The `Settings` message (AgentV1Settings in the SDK's agent types; "Configure the Voice Agent",
 * https://developers.deepgram.com/docs/configure-voice-agent) built from the session's audio, the
 * normalized `agent` option and the factory's `settings` escape hatch, and read back by the peer.
 * Deepgram picks its default managed LLM when `agent.think.provider` is absent and its default
 * voice when `agent.speak` is absent ("LLM Models", "TTS Models"), so an empty `agent` is valid.
 */

/** A provider object: `type` names the provider; the other fields are that provider's own. */
export interface DeepgramProvider {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** A function the agent may call (ThinkSettingsV1.Functions.Item); without `endpoint` the client runs it. */
export interface DeepgramFunction {
  readonly name: string;
  readonly description?: string;
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** Hold the call until the user's turn is confirmed (for actions that cannot be undone). */
  readonly defer_until_eot?: boolean;
  /** A server-side function: Deepgram calls this URL itself and the client never sees the call. */
  readonly endpoint?: { readonly url?: string; readonly method?: string; readonly headers?: Readonly<Record<string, string>> };
}

/** `agent.think` (ThinkSettingsV1). */
export interface DeepgramThinkSettings {
  readonly provider?: DeepgramProvider;
  /** A bring-your-own LLM: its URL and headers. */
  readonly endpoint?: { readonly url?: string; readonly headers?: Readonly<Record<string, string>> };
  readonly prompt?: string;
  readonly functions?: readonly DeepgramFunction[];
  readonly context_length?: "max" | number;
  readonly [field: string]: unknown;
}

/** `agent.speak` (SpeakSettingsV1). */
export interface DeepgramSpeakSettings {
  readonly provider: DeepgramProvider;
  readonly endpoint?: { readonly url?: string; readonly headers?: Readonly<Record<string, string>> };
  readonly [field: string]: unknown;
}

/** The `agent` object of `Settings`, as far as the escape hatch may set it. */
export interface DeepgramAgentSettings {
  /** Speech to text: `{ provider: { type: "deepgram", model: "nova-3", … } }` or a Flux model with `version: "v2"`. */
  readonly listen?: { readonly provider?: DeepgramProvider; readonly [field: string]: unknown };
  /** The LLM; an array lists fallbacks in order. */
  readonly think?: DeepgramThinkSettings | readonly DeepgramThinkSettings[];
  /** The voice; an array lists fallbacks in order. */
  readonly speak?: DeepgramSpeakSettings | readonly DeepgramSpeakSettings[];
  /** What the agent says first. */
  readonly greeting?: string;
  /** Deprecated by Deepgram in favour of the providers' own `language`, still accepted. */
  readonly language?: string;
  /** Earlier conversation to continue (`messages`: History items). */
  readonly context?: { readonly messages?: readonly unknown[] };
  readonly [field: string]: unknown;
}

/**
 * The factory's typed escape hatch: anything of `Settings` but the audio formats (those are the
 * factory's `inputSampleRate`/`outputSampleRate`, which the session's plan depends on). Merged
 * over what `agent` maps to; a `provider` object is replaced whole, never merged (its fields
 * belong to its type).
 */
export interface DeepgramSettingsOverrides {
  readonly agent?: DeepgramAgentSettings;
  readonly tags?: readonly string[];
  readonly experimental?: boolean;
  readonly flags?: { readonly history?: boolean; readonly [field: string]: unknown };
  readonly mip_opt_out?: boolean;
  readonly [field: string]: unknown;
}

export interface SettingsAudio {
  readonly inputSampleRate: number;
  readonly outputSampleRate: number;
}

/** A JSON object being built (Settings and its parts). */
export type SettingsJson = Record<string, unknown>;

/** The `Settings` message: linear16 both ways at the given rates, raw output (`container: "none"`), `agent` mapped, the overrides over it. */
export function settingsMessage(
  audio: SettingsAudio,
  agent: AgentConfig | undefined,
  overrides: DeepgramSettingsOverrides | undefined,
): SettingsJson {
  const { agent: agentOverrides, ...top } = overrides ?? {};
  return {
    type: DeepgramClientMessage.settings,
    ...top,
    audio: {
      input: { encoding: "linear16", sample_rate: audio.inputSampleRate },
      output: { encoding: "linear16", sample_rate: audio.outputSampleRate, container: "none" },
    },
    agent: merge(agentObject(agent), (agentOverrides ?? {}) as SettingsJson),
  };
}

/** What the normalized configuration says in Deepgram's terms (turn detection has no setting: the agent always detects turns). */
export function agentObject(agent: AgentConfig | undefined): SettingsJson {
  if (!agent) return {};
  const out: SettingsJson = {};
  const think = thinkObject(agent.instructions, agent.tools);
  if (think) out.think = think;
  if (agent.voice !== undefined) out.speak = speakObject(agent.voice);
  if (agent.language !== undefined) out.language = agent.language;
  return out;
}

/** `agent.think` from the instructions and tools, or undefined when there are neither. */
export function thinkObject(instructions: string | undefined, tools: readonly ToolSpec[] | undefined): SettingsJson | undefined {
  if (instructions === undefined && tools === undefined) return undefined;
  const think: SettingsJson = {};
  if (instructions !== undefined) think.prompt = instructions;
  if (tools !== undefined) think.functions = tools.map(functionObject);
  return think;
}

/** A voice is a Deepgram TTS model name (`aura-2-thalia-en`, `flux-kit-en`). */
export function speakObject(voice: string): SettingsJson {
  return { provider: { type: "deepgram", model: voice } };
}

function functionObject(tool: ToolSpec): SettingsJson {
  const fn: SettingsJson = { name: tool.name };
  if (tool.description !== undefined) fn.description = tool.description;
  if (tool.parameters !== undefined) fn.parameters = tool.parameters;
  return fn;
}

/**
 * `override` over `base`: objects merged key by key, anything else (arrays, `provider`) replaced.
 * A think/speak array in the override replaces the mapped object, but the mapped prompt and
 * functions go into each of its entries that lacks them, so `instructions` and `tools` still reach a fallback list.
 */
export function merge(base: SettingsJson, override: SettingsJson): SettingsJson {
  const out: SettingsJson = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === "__proto__" || value === undefined) continue;
    const before = out[key];
    if (Array.isArray(value) && isRecord(before) && (key === "think" || key === "speak")) {
      out[key] = value.map((entry) => (isRecord(entry) ? { ...before, ...entry } : entry));
    } else if (key !== "provider" && isRecord(value) && isRecord(before)) {
      out[key] = merge(before, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The normalized configuration a `Settings` (or an update's `think`/`speak`) carries, for the
 * vendor side: the first think entry's prompt and functions, a Deepgram speak model as the voice,
 * `agent.language`. What has no normalized field (providers, greeting, context) is left out.
 */
export function readAgentConfig(agent: unknown): AgentConfig {
  const out: { -readonly [K in keyof AgentConfig]: AgentConfig[K] } = {};
  if (!isRecord(agent)) return out;
  Object.assign(out, readThink(agent.think));
  const voice = readVoice(agent.speak);
  if (voice !== undefined) out.voice = voice;
  if (typeof agent.language === "string") out.language = agent.language;
  return out;
}

/** `prompt` and `functions` of a think object (the first, for a fallback list). */
export function readThink(think: unknown): Pick<AgentConfig, "instructions" | "tools"> {
  const first = Array.isArray(think) ? think[0] : think;
  if (!isRecord(first)) return {};
  const out: { instructions?: string; tools?: ToolSpec[] } = {};
  if (typeof first.prompt === "string") out.instructions = first.prompt;
  if (Array.isArray(first.functions)) {
    out.tools = first.functions.filter((f): f is SettingsJson => isRecord(f) && typeof f.name === "string" && f.name.length > 0).map(readTool);
  }
  return out;
}

/** The model of a Deepgram speak provider (the first, for a fallback list). */
export function readVoice(speak: unknown): string | undefined {
  const first = Array.isArray(speak) ? speak[0] : speak;
  if (!isRecord(first) || !isRecord(first.provider)) return undefined;
  const { type, model } = first.provider;
  return type === "deepgram" && typeof model === "string" ? model : undefined;
}

function readTool(fn: SettingsJson): ToolSpec {
  const tool: { name: string; description?: string; parameters?: Record<string, unknown> } = { name: fn.name as string };
  if (typeof fn.description === "string") tool.description = fn.description;
  if (isRecord(fn.parameters)) tool.parameters = fn.parameters;
  return tool;
}
