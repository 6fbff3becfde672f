import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { type AgentClip, type AgentScript, ClipLibrary, parseWavPcm16 } from "@voxwire/conformance";
import { UsageError } from "./command.js";

/**
 * `voxwire simulate --script FILE.json`: what the agent says, as WAV files (mono PCM16 at any
 * rate; the simulator converts them to each session's rate with core's audio pipeline):
 *
 *   { "greeting": "hello.wav",
 *     "turns": ["first-answer.wav", { "audio": "second-answer.wav", "text": "Sure." }] }
 *
 * `greeting` is said when a session starts, then one turn per utterance the agent hears, in
 * order (after the last it starts over). Either may be left out: the built-in clip stays. Paths
 * are relative to the script file. `text` is the transcript the agent sends with the audio
 * (default: the file's name). On a dialect with tool calls the agent calls a tool before its
 * first answer and waits for the result (up to 5 s): by default the conformance suite's
 * `get_weather { city: "Paris" }`, so `voxwire check --url` passes its tool-call scenario;
 * `"toolCall": { "name", "arguments" }` names another, `"toolCall": null` none.
 */
export interface ScriptFile {
  greeting?: ScriptLine;
  turns?: ScriptLine[];
  toolCall?: ScriptToolCall | null;
}

/** The tool the agent calls before its first answer. */
export interface ScriptToolCall {
  name: string;
  arguments?: unknown;
}

/** One agent line: a WAV path, or the path with its transcript. */
export type ScriptLine = string | { audio: string; text?: string };

/** The clips and the script a simulator speaks, from `--greeting`, `--reply` or `--script`. */
export interface AgentVoice {
  clips: ClipLibrary;
  script?: AgentScript;
  /** The script file's `toolCall`: a call to make, `null` for none, absent for the dialect's default. */
  toolCall?: { name: string; arguments: unknown } | null;
}

/** `--greeting FILE.wav` and `--reply FILE.wav` over the built-in clips; either may be absent. */
export function voiceFromFiles(files: { greeting?: string | undefined; reply?: string | undefined }): AgentVoice | undefined {
  const clips: AgentClip[] = [];
  if (files.greeting !== undefined) clips.push(wavClip("greeting", files.greeting, undefined, "--greeting"));
  if (files.reply !== undefined) clips.push(wavClip("answer", files.reply, undefined, "--reply"));
  return clips.length > 0 ? { clips: ClipLibrary.fromAssets().with(clips) } : undefined;
}

/** `--script FILE.json`: read, checked, and every WAV it names loaded (a bad file is a UsageError). */
export function voiceFromScript(path: string): AgentVoice {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`--script ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const where = `--script ${basename(path)}`;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new UsageError(`${where}: expected an object with "greeting" and "turns"`);
  const { greeting, turns, toolCall, ...rest } = doc as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0)
    throw new UsageError(`${where}: unknown field ${extra.map((k) => `"${k}"`).join(", ")} (it takes "greeting", "turns" and "toolCall")`);
  if (greeting === undefined && turns === undefined && toolCall === undefined)
    throw new UsageError(`${where}: give a "greeting", "turns" or a "toolCall"`);
  if (turns !== undefined && (!Array.isArray(turns) || turns.length === 0)) throw new UsageError(`${where}: "turns" must be a non-empty list`);
  const base = dirname(path);
  const clips: AgentClip[] = [];
  if (greeting !== undefined) clips.push(lineClip("greeting", greeting, base, `${where}: "greeting"`));
  const answers = ((turns as unknown[] | undefined) ?? []).map((turn, i) => {
    const id = `turn-${i + 1}`;
    clips.push(lineClip(id, turn, base, `${where}: turn ${i + 1}`));
    return id;
  });
  return {
    clips: ClipLibrary.fromAssets().with(clips),
    script: { greeting: "greeting", answers: answers.length > 0 ? answers : ["answer"] },
    ...(toolCall === undefined ? {} : { toolCall: readToolCall(toolCall, `${where}: "toolCall"`) }),
  };
}

function readToolCall(value: unknown, where: string): { name: string; arguments: unknown } | null {
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) throw new UsageError(`${where}: expected { "name": TOOL, "arguments": {…} } or null`);
  const { name, arguments: args, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw new UsageError(`${where}: unknown field ${extra.map((k) => `"${k}"`).join(", ")} (it takes "name" and "arguments")`);
  if (typeof name !== "string" || name.trim() === "") throw new UsageError(`${where}: "name" must be a non-empty string`);
  return { name, arguments: args ?? {} };
}

function lineClip(id: string, line: unknown, base: string, where: string): AgentClip {
  if (typeof line === "string") return wavClip(id, resolve(base, line), undefined, where);
  if (typeof line === "object" && line !== null && !Array.isArray(line)) {
    const entry = line as Record<string, unknown>;
    if ("tool" in entry || "toolCall" in entry || "tool_call" in entry || entry.type === "tool-call") {
      throw new UsageError(
        `${where} is a tool call: a turn is audio; name the tool in the script's "toolCall" field (called before the first answer)`,
      );
    }
    const extra = Object.keys(entry).filter((k) => k !== "audio" && k !== "text");
    if (extra.length > 0) throw new UsageError(`${where}: unknown field ${extra.map((k) => `"${k}"`).join(", ")} (a line takes "audio" and "text")`);
    if (typeof entry.audio !== "string") throw new UsageError(`${where}: "audio" must be a WAV path`);
    if (entry.text !== undefined && typeof entry.text !== "string") throw new UsageError(`${where}: "text" must be a string`);
    return wavClip(id, resolve(base, entry.audio), entry.text, where);
  }
  throw new UsageError(`${where}: expected a WAV path or { "audio": PATH, "text": TEXT }`);
}

/** A mono PCM16 WAV at its own rate, as a clip (the simulator resamples it per session). */
function wavClip(id: string, path: string, text: string | undefined, where: string): AgentClip {
  let wav: ReturnType<typeof parseWavPcm16>;
  try {
    wav = parseWavPcm16(readFileSync(path), basename(path));
  } catch (error) {
    const message = (error as { code?: string }).code === "ENOENT" ? `${path}: no such file` : error instanceof Error ? error.message : String(error);
    throw new UsageError(`${where}: ${message}`);
  }
  if (wav.samples.length === 0) throw new UsageError(`${where}: ${basename(path)} holds no audio`);
  const clip: AgentClip = { id, text: text ?? `[${basename(path)}]`, sampleRate: wav.sampleRate, samples: wav.samples };
  try {
    // Convert once now, so a rate the pipeline cannot take is a usage error and not a failed session.
    new ClipLibrary([clip]).at(id, 16000);
  } catch (error) {
    throw new UsageError(`${where}: ${basename(path)} at ${wav.sampleRate} Hz: ${error instanceof Error ? error.message : String(error)}`);
  }
  return clip;
}
