import { type AgentConfig, isRecord, type ToolSpec } from "@voxwire/core";

/*
 * The `setup` message (LiveClientSetup / BidiGenerateContentSetup in https://ai.google.dev/api/live)
 * built from the normalized AgentConfig, and read back into one on the vendor's side. The
 * mapping, field by field:
 *   instructions   → systemInstruction { parts: [{ text }] }
 *   voice          → generationConfig.speechConfig.voiceConfig.prebuiltVoiceConfig.voiceName
 *   language       → generationConfig.speechConfig.languageCode
 *   tools          → tools: [{ functionDeclarations: [{ name, description, parametersJsonSchema }] }]
 *                    (ToolSpec.parameters is JSON Schema; `parametersJsonSchema` is the field that takes it)
 *   turnDetection  → realtimeInputConfig.automaticActivityDetection.disabled (false for server and
 *                    semantic: Gemini has one detector; true for none)
 * and always `responseModalities: ["AUDIO"]`, input and output transcription on, and
 * `sessionResumption` (with the handle when the connection resumes one).
 */

/** A `setup` field the caller sets beyond the mapping (`gemini({ setup })`): the Live reference's names. */
export interface GeminiSetup {
  /** Merged one level deep over the mapped `generationConfig` (`temperature`, `responseModalities`, `speechConfig`, …). */
  generationConfig?: Record<string, unknown>;
  /** Replaces the mapped system instruction (a `Content` object). */
  systemInstruction?: Record<string, unknown>;
  /** Appended after the mapped function declarations (`{ googleSearch: {} }`, …). */
  tools?: readonly Record<string, unknown>[];
  /** Merged one level deep over the mapped `realtimeInputConfig` (`activityHandling`, `turnCoverage`, …). */
  realtimeInputConfig?: Record<string, unknown>;
  /** Replaces `{}` (on): e.g. `{ languageCodes: [...] }`. */
  inputAudioTranscription?: Record<string, unknown>;
  outputAudioTranscription?: Record<string, unknown>;
  /** Merged over `{}` / `{ handle }` (`transparent: true`). */
  sessionResumption?: Record<string, unknown>;
  /** Any other documented field (`contextWindowCompression`, `proactivity`, …), sent as given. */
  [field: string]: unknown;
}

/** What one connection's `setup` is built from. */
export interface SetupInput {
  /** The model, with or without `models/`. */
  readonly model: string;
  readonly agent?: AgentConfig | undefined;
  /** Ask for resumption handles (`sessionResumption`). */
  readonly resumption: boolean;
  /** The handle of the session this connection resumes. */
  readonly handle?: string | undefined;
  readonly overrides?: GeminiSetup | undefined;
}

/** `models/<name>` unless it already has a resource prefix (as js-genai's `tModel` does). */
export function modelResource(model: string): string {
  return model.includes("/") ? model : `models/${model}`;
}

/** The `setup` object (the value of the message's `setup` field). */
export function setupObject(input: SetupInput): Record<string, unknown> {
  const { agent, overrides = {} } = input;
  const speech: Record<string, unknown> = {};
  if (agent?.voice !== undefined) speech.voiceConfig = { prebuiltVoiceConfig: { voiceName: agent.voice } };
  if (agent?.language !== undefined) speech.languageCode = agent.language;
  const generationConfig: Record<string, unknown> = {
    responseModalities: ["AUDIO"],
    ...(Object.keys(speech).length > 0 ? { speechConfig: speech } : {}),
    ...overrides.generationConfig,
  };
  const declarations = (agent?.tools ?? []).map(functionDeclaration);
  const tools = [...(declarations.length > 0 ? [{ functionDeclarations: declarations }] : []), ...(overrides.tools ?? [])];
  const realtime: Record<string, unknown> = {
    ...(agent?.turnDetection === undefined ? {} : { automaticActivityDetection: { disabled: agent.turnDetection === "none" } }),
    ...overrides.realtimeInputConfig,
  };
  const {
    generationConfig: _g,
    tools: _t,
    realtimeInputConfig: _r,
    systemInstruction,
    inputAudioTranscription,
    outputAudioTranscription,
    sessionResumption,
    ...rest
  } = overrides;
  const setup: Record<string, unknown> = { model: modelResource(input.model), generationConfig };
  const instruction = systemInstruction ?? (agent?.instructions === undefined ? undefined : { parts: [{ text: agent.instructions }] });
  if (instruction !== undefined) setup.systemInstruction = instruction;
  if (tools.length > 0) setup.tools = tools;
  if (Object.keys(realtime).length > 0) setup.realtimeInputConfig = realtime;
  setup.inputAudioTranscription = inputAudioTranscription ?? {};
  setup.outputAudioTranscription = outputAudioTranscription ?? {};
  if (input.resumption) setup.sessionResumption = { ...sessionResumption, ...(input.handle === undefined ? {} : { handle: input.handle }) };
  for (const [key, value] of Object.entries(rest)) if (key !== "model" && key !== "__proto__") setup[key] = value;
  return setup;
}

export function setupFrame(input: SetupInput): string {
  return JSON.stringify({ setup: setupObject(input) });
}

function functionDeclaration(tool: ToolSpec): Record<string, unknown> {
  return {
    name: tool.name,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    ...(tool.parameters === undefined ? {} : { parametersJsonSchema: tool.parameters }),
  };
}

/**
 * The AgentConfig a `setup` object states, as far as it maps (the vendor side: the simulator
 * records it). Fields it does not state stay absent; anything malformed is skipped.
 */
export function agentFromSetup(setup: Readonly<Record<string, unknown>>): AgentConfig {
  const agent: { -readonly [K in keyof AgentConfig]: AgentConfig[K] } = {};
  const instructions = instructionText(setup.systemInstruction);
  if (instructions !== undefined) agent.instructions = instructions;
  const generation = isRecord(setup.generationConfig) ? setup.generationConfig : {};
  const speech = isRecord(generation.speechConfig) ? generation.speechConfig : {};
  const voiceConfig = isRecord(speech.voiceConfig) ? speech.voiceConfig : {};
  const prebuilt = isRecord(voiceConfig.prebuiltVoiceConfig) ? voiceConfig.prebuiltVoiceConfig : {};
  if (typeof prebuilt.voiceName === "string") agent.voice = prebuilt.voiceName;
  if (typeof speech.languageCode === "string") agent.language = speech.languageCode;
  const tools = (Array.isArray(setup.tools) ? setup.tools : []).flatMap((tool: unknown) =>
    isRecord(tool) && Array.isArray(tool.functionDeclarations) ? tool.functionDeclarations.flatMap(toolSpec) : [],
  );
  if (tools.length > 0) agent.tools = tools;
  const realtime = isRecord(setup.realtimeInputConfig) ? setup.realtimeInputConfig : {};
  const detection = isRecord(realtime.automaticActivityDetection) ? realtime.automaticActivityDetection : undefined;
  if (detection !== undefined) agent.turnDetection = detection.disabled === true ? "none" : "server";
  return agent;
}

/** A system instruction's text: a string, or a Content's text parts joined by newlines. */
function instructionText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (!isRecord(value) || !Array.isArray(value.parts)) return undefined;
  const texts = value.parts.flatMap((part: unknown) => (isRecord(part) && typeof part.text === "string" ? [part.text] : []));
  return texts.length > 0 ? texts.join("\n") : undefined;
}

function toolSpec(declaration: unknown): ToolSpec[] {
  if (!isRecord(declaration) || typeof declaration.name !== "string" || declaration.name.length === 0) return [];
  const parameters = isRecord(declaration.parametersJsonSchema)
    ? declaration.parametersJsonSchema
    : isRecord(declaration.parameters)
      ? declaration.parameters
      : undefined;
  return [
    {
      name: declaration.name,
      ...(typeof declaration.description === "string" ? { description: declaration.description } : {}),
      ...(parameters === undefined ? {} : { parameters }),
    },
  ];
}
