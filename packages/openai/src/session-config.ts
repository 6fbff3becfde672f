import { type AgentConfig, isRecord, type ToolSpec, type TurnDetection } from "@voxwire/core";
import { OPENAI_AUDIO, type OpenaiAudio } from "./wire.js";

/*
 * The `session` object of `session.update`, from voxwire's normalized AgentConfig and back.
 * GA shape: `RealtimeSessionCreateRequest` in openai-node src/resources/realtime/realtime.ts
 * (`audio.input.{format,turn_detection,transcription}`, `audio.output.{format,voice}`,
 * `instructions`, `tools` as `RealtimeFunctionTool`). Beta shape (compat "azure"): Azure's
 * "Voice Live API reference" session properties (`modalities`, `input_audio_format`,
 * `output_audio_format`, `turn_detection`, `input_audio_transcription`, `voice`, `tools`).
 */

/** Which session shape and event names the peer speaks: OpenAI GA, or the beta names Azure Voice Live keeps. */
export type OpenaiCompat = "ga" | "azure";

/** Fields of the session object voxwire does not map, sent as given (merged over the mapping). */
export type OpenaiSessionFields = Readonly<Record<string, unknown>>;

/** What a connection's opening `session.update` is built from. */
export interface SessionSettings {
  readonly audio: OpenaiAudio;
  readonly compat: OpenaiCompat;
  /** The factory's `voice` and `instructions`: `env.agent` overrides them. */
  readonly voice?: string | undefined;
  readonly instructions?: string | undefined;
  /** The factory's `session` escape hatch. */
  readonly extra?: OpenaiSessionFields | undefined;
}

type Fields = Record<string, unknown>;

/**
 * The opening session: the audio formats, server VAD unless the agent says otherwise (the
 * barge-in needs the service's voice detection), the factory's voice and instructions overridden
 * by `agent`, then the escape hatch merged over all of it.
 */
export function openingSession(settings: SessionSettings, agent: AgentConfig | undefined): Fields {
  const merged: AgentConfig = {
    ...withDefined({ voice: settings.voice, instructions: settings.instructions }),
    ...withDefined(agent ?? {}),
  };
  const config: AgentConfig = { turnDetection: "server", ...merged };
  const { wire, beta } = OPENAI_AUDIO[settings.audio];
  const base =
    settings.compat === "azure"
      ? { modalities: ["text", "audio"], input_audio_format: beta, output_audio_format: beta, ...betaFields(config) }
      : gaSession(config, wire);
  return settings.extra === undefined ? base : mergeSession(base, settings.extra, true);
}

/** A mid-session update: only what `agent` names, so everything else stays as it is. */
export function updatedSession(agent: AgentConfig, compat: OpenaiCompat): Fields {
  return compat === "azure" ? betaFields(agent) : gaSession(agent, undefined);
}

function gaSession(agent: AgentConfig, format: Readonly<Fields> | undefined): Fields {
  const input: Fields = { ...(format ? { format } : {}) };
  if (agent.turnDetection !== undefined) input.turn_detection = gaTurnDetection(agent.turnDetection);
  if (agent.language !== undefined) input.transcription = { language: isoLanguage(agent.language) };
  const output: Fields = { ...(format ? { format } : {}), ...withDefined({ voice: agent.voice }) };
  const audio: Fields = {};
  if (Object.keys(input).length > 0) audio.input = input;
  if (Object.keys(output).length > 0) audio.output = output;
  return {
    type: "realtime",
    ...(Object.keys(audio).length > 0 ? { audio } : {}),
    ...withDefined({ instructions: agent.instructions }),
    ...(agent.tools === undefined ? {} : { tools: agent.tools.map(functionTool) }),
  };
}

function betaFields(agent: AgentConfig): Fields {
  return {
    ...withDefined({ instructions: agent.instructions, voice: agent.voice }),
    ...(agent.turnDetection === undefined ? {} : { turn_detection: betaTurnDetection(agent.turnDetection) }),
    // Azure takes BCP 47 tags as they are.
    ...(agent.language === undefined ? {} : { input_audio_transcription: { language: agent.language } }),
    ...(agent.tools === undefined ? {} : { tools: agent.tools.map(functionTool) }),
  };
}

/** `{ type: "function", name, description, parameters }`, the fields the tool has. */
function functionTool(tool: ToolSpec): Fields {
  return { type: "function", name: tool.name, ...withDefined({ description: tool.description, parameters: tool.parameters }) };
}

function gaTurnDetection(mode: TurnDetection): Fields | null {
  if (mode === "none") return null;
  return { type: mode === "semantic" ? "semantic_vad" : "server_vad" };
}

function betaTurnDetection(mode: TurnDetection): Fields | null {
  if (mode === "none") return null;
  return { type: mode === "semantic" ? "azure_semantic_vad" : "server_vad" };
}

/** GA transcription wants ISO-639-1 (`en`): a BCP 47 tag's primary subtag. */
function isoLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * `extra` over `base`: objects merge key by key, anything else replaces (`null` included, so the
 * escape hatch can turn turn detection off). With `appendTools` (the escape hatch over the
 * agent's config), top-level `tools` are appended instead; a `session.update` replaces them.
 */
export function mergeSession(base: Readonly<Fields>, extra: OpenaiSessionFields, appendTools = false): Fields {
  const out: Fields = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    if (key === "__proto__") continue;
    const before = out[key];
    if (appendTools && key === "tools" && Array.isArray(before) && Array.isArray(value)) out[key] = [...before, ...value];
    else if (isRecord(before) && isRecord(value) && !Array.isArray(before) && !Array.isArray(value)) out[key] = mergeSession(before, value);
    else out[key] = value;
  }
  return out;
}

/**
 * What a client's session object asks for, as voxwire's AgentConfig (the peer side: simulators
 * and goldens). GA and beta shapes both read; fields the model has no place for are left out.
 */
export function agentFromSession(session: Readonly<Fields>): AgentConfig {
  const audio = isRecord(session.audio) ? session.audio : {};
  const input = isRecord(audio.input) ? audio.input : {};
  const output = isRecord(audio.output) ? audio.output : {};
  const agent: { -readonly [K in keyof AgentConfig]: AgentConfig[K] } = {};
  if (typeof session.instructions === "string") agent.instructions = session.instructions;
  const voice = voiceName(output.voice ?? session.voice);
  if (voice !== undefined) agent.voice = voice;
  if (Array.isArray(session.tools)) agent.tools = session.tools.flatMap(toolSpec);
  const turn = "turn_detection" in input ? input.turn_detection : session.turn_detection;
  const mode = turnDetectionOf(turn, "turn_detection" in input || "turn_detection" in session);
  if (mode !== undefined) agent.turnDetection = mode;
  const transcription = isRecord(input.transcription)
    ? input.transcription
    : isRecord(session.input_audio_transcription)
      ? session.input_audio_transcription
      : {};
  if (typeof transcription.language === "string") agent.language = transcription.language;
  return agent;
}

function voiceName(voice: unknown): string | undefined {
  if (typeof voice === "string") return voice;
  if (isRecord(voice)) return typeof voice.id === "string" ? voice.id : typeof voice.name === "string" ? voice.name : undefined;
  return undefined;
}

function toolSpec(tool: unknown): ToolSpec[] {
  if (!isRecord(tool) || (tool.type !== undefined && tool.type !== "function") || typeof tool.name !== "string" || tool.name === "") return [];
  return [
    {
      name: tool.name,
      ...(typeof tool.description === "string" ? { description: tool.description } : {}),
      ...(isRecord(tool.parameters) && !Array.isArray(tool.parameters) ? { parameters: tool.parameters } : {}),
    },
  ];
}

function turnDetectionOf(value: unknown, present: boolean): TurnDetection | undefined {
  if (!present) return undefined;
  if (value === null) return "none";
  if (!isRecord(value) || typeof value.type !== "string") return undefined;
  if (value.type === "server_vad") return "server";
  // `semantic_vad`, and Azure's `azure_semantic_vad`, `_en`, `_multilingual`.
  return value.type.includes("semantic_vad") ? "semantic" : undefined;
}

/** The entries whose value is not undefined (options are `exactOptionalPropertyTypes`). */
function withDefined<T extends object>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) (out as Fields)[key] = value;
  return out;
}
