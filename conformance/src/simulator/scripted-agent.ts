import type { AgentConfig, InboundEvent } from "@voxwire/core";
import { AGENT_FRAME_MS, type ClipLibrary, type SessionClip } from "./clip-library.js";
import { EnergyVad, type VadEvent } from "./energy-vad.js";
import { FramePacer } from "./frame-pacer.js";

/** The keypad digit that makes the agent ask for a human (`transfer-requested`). */
export const TRANSFER_DIGIT = "0";

/** The clips the agent speaks, by id: the greeting at the start, then one answer per utterance, in turn (cycling). */
export interface AgentScript {
  readonly greeting: string;
  readonly answers: readonly string[];
  /**
   * A tool the agent calls before answering the first utterance (or text): it sends
   * `tool-call { callId: "call_1", name, arguments }`, waits for the `tool-result` naming that
   * call, then answers. Without a result within `toolTimeoutMs` it answers anyway.
   */
  readonly toolCall?: { readonly name: string; readonly arguments: unknown };
}

/** How long the agent waits for a tool's result before answering without it. */
export const TOOL_TIMEOUT_MS = 5000;

export interface ScriptedAgentOptions {
  clips: ClipLibrary;
  /** Rate of the audio the agent sends (the session's agent-to-client wire rate). */
  agentRate: number;
  /** Rate of the audio the client sends. */
  userRate: number;
  /** No pacing; the agent's turn then lasts until the client has streamed as much audio as it spoke. */
  fast: boolean;
  /** The greeting clip and the answers, used in turn. */
  script?: AgentScript;
  vad?: { thresholdDbfs?: number; silenceMs?: number };
  /** Every event the agent produces, in order; the vendor front's codec turns them into frames. */
  emit(event: InboundEvent): void;
}

export interface AgentActivity {
  /** User utterances heard, in audio time. */
  utterances: { startMs: number; durationMs: number }[];
  /** Times user speech cut the agent off. */
  bargeIns: number;
  /** Clips the agent started, by id. */
  spoke: string[];
  /** Tool calls made and what came back (`output` absent while unanswered). */
  tools: { callId: string; name: string; output?: unknown; isError?: boolean }[];
  /** Typed user messages (`text-send`). */
  texts: string[];
  /** What the client said was heard of each cut turn (`playback-heard`). */
  heard: { turnId: string; heardMs: number }[];
  /** Every configuration the client sent (the opening one and updates), normalized. */
  configs: AgentConfig[];
}

/**
 * The scripted voice agent: greets, listens with an energy VAD, answers each utterance once the
 * user has been silent 600 ms, and stops talking the moment the user talks over it (barge-in).
 * It only produces normalized events; it knows nothing about sockets or dialects.
 */
export class ScriptedAgent {
  readonly activity: AgentActivity = { utterances: [], bargeIns: 0, spoke: [], tools: [], texts: [], heard: [], configs: [] };
  readonly #options: ScriptedAgentOptions;
  readonly #vad: EnergyVad;
  readonly #pacer: FramePacer;
  readonly #script: AgentScript;
  #speaking = false;
  /** Fast mode: audio time at which the agent's current turn would have finished playing. */
  #speakingUntilMs = 0;
  #answers = 0;
  #stopped = false;
  /** Turn ids are `turn-1`, `turn-2`, … one per clip spoken. */
  #turns = 0;
  #turnId: string | undefined;
  /** The unanswered tool call and what to do once it is answered. */
  #pendingTool: { callId: string; answer: () => void; timer: ReturnType<typeof setTimeout> } | undefined;
  #toolCalls = 0;

  constructor(options: ScriptedAgentOptions) {
    this.#options = options;
    this.#script = options.script ?? { greeting: "greeting", answers: ["answer"] };
    this.#vad = new EnergyVad({ sampleRate: options.userRate, ...options.vad });
    this.#pacer = new FramePacer({
      frameMs: AGENT_FRAME_MS,
      fast: options.fast,
      send: (audio) =>
        options.emit(
          this.#turnId === undefined
            ? { type: "audio-chunk", audio, sampleRate: options.agentRate }
            : { type: "audio-chunk", audio, sampleRate: options.agentRate, turnId: this.#turnId },
        ),
    });
  }

  /** True while agent audio is (as far as the client can tell) still playing. */
  get speaking(): boolean {
    return this.#speaking;
  }

  /** Starts the call: `listening` (a dialect with agent state reports one before the first turn), then the greeting. */
  start(): void {
    this.#options.emit({ type: "agent-state", state: "listening" });
    this.#speak(this.#script.greeting);
  }

  /** The client's audio, at `userRate`. */
  hear(samples: Int16Array): void {
    if (this.#stopped) return;
    this.#vad.push(samples, this.#onVad);
    if (this.#options.fast && this.#speaking && this.#vad.timeMs >= this.#speakingUntilMs) this.#turnOver();
  }

  /** A keypad digit from the client. */
  hearDtmf(digit: string): void {
    if (this.#stopped || digit !== TRANSFER_DIGIT) return;
    this.#options.emit({ type: "transfer-requested", reason: `caller pressed ${TRANSFER_DIGIT}` });
  }

  /** Typed user text: answered like an utterance. */
  hearText(text: string): void {
    if (this.#stopped) return;
    this.activity.texts.push(text);
    this.#respond();
  }

  /** A tool's result from the client; the agent answers once the call it waits on is answered. */
  hearToolResult(callId: string, output: unknown, isError: boolean): void {
    const call = this.activity.tools.find((tool) => tool.callId === callId);
    if (call) Object.assign(call, isError ? { output, isError } : { output });
    const pending = this.#pendingTool;
    if (this.#stopped || pending?.callId !== callId) return;
    clearTimeout(pending.timer);
    this.#pendingTool = undefined;
    pending.answer();
  }

  /** How much of a cut turn the client says was heard. */
  hearHeard(turnId: string, heardMs: number): void {
    this.activity.heard.push({ turnId, heardMs });
  }

  /** A configuration from the client (its opening setup or an update). */
  hearConfig(agent: AgentConfig): void {
    this.activity.configs.push(agent);
  }

  /** Stops for good (the session ended): no more events, no timers. */
  stop(): void {
    this.#stopped = true;
    this.#pacer.dispose();
    if (this.#pendingTool) clearTimeout(this.#pendingTool.timer);
    this.#pendingTool = undefined;
  }

  readonly #onVad = (event: VadEvent): void => {
    const { emit } = this.#options;
    if (event.type === "speech-start") {
      // Dialects without speech events encode these to nothing.
      emit({ type: "speech-started" });
      const overlapping = this.#options.fast ? this.#speaking && event.atMs < this.#speakingUntilMs : this.#speaking;
      if (overlapping) this.#bargeIn();
      return;
    }
    this.activity.utterances.push({ startMs: event.startMs, durationMs: event.durationMs });
    emit({ type: "speech-stopped" });
    emit({ type: "transcript-end", role: "user", text: `[speech ${(event.durationMs / 1000).toFixed(1)} s]` });
    this.#respond();
  };

  /** After an utterance or a text: think, call the scripted tool the first time, then answer. */
  #respond(): void {
    const { emit } = this.#options;
    emit({ type: "agent-state", state: "thinking" });
    const answer = () => {
      const answers = this.#script.answers;
      this.#speak(answers[this.#answers++ % answers.length]!);
    };
    const tool = this.#script.toolCall;
    if (!tool || this.#toolCalls > 0 || this.#pendingTool) {
      if (!this.#pendingTool) answer();
      return;
    }
    const callId = `call_${++this.#toolCalls}`;
    this.activity.tools.push({ callId, name: tool.name });
    const timer = setTimeout(() => {
      if (this.#pendingTool?.callId !== callId || this.#stopped) return;
      this.#pendingTool = undefined;
      answer();
    }, TOOL_TIMEOUT_MS);
    this.#pendingTool = { callId, answer, timer };
    emit({ type: "tool-call", callId, name: tool.name, arguments: tool.arguments });
  }

  #bargeIn(): void {
    this.#pacer.stop();
    this.activity.bargeIns++;
    this.#options.emit(this.#turnId === undefined ? { type: "playback-clear" } : { type: "playback-clear", turnId: this.#turnId });
    this.#turnOver();
  }

  #speak(id: string): void {
    const clip: SessionClip = this.#options.clips.at(id, this.#options.agentRate);
    const { emit } = this.#options;
    this.activity.spoke.push(id);
    this.#speaking = true;
    this.#speakingUntilMs = this.#vad.timeMs + clip.durationMs;
    const turnId = `turn-${++this.#turns}`;
    this.#turnId = turnId;
    emit({ type: "agent-state", state: "speaking" });
    emit({ type: "transcript-delta", role: "agent", delta: clip.text, text: clip.text, turnId });
    emit({ type: "transcript-end", role: "agent", text: clip.text, turnId });
    this.#pacer.play(clip.frames, () => {
      if (!this.#options.fast) this.#turnOver();
    });
  }

  #turnOver(): void {
    if (!this.#speaking) return;
    this.#speaking = false;
    this.#options.emit({ type: "agent-state", state: "listening" });
  }
}
