import type { InboundEvent } from "@voxwire/core";
import { AGENT_FRAME_MS, type ClipLibrary, type SessionClip } from "./clip-library.js";
import { EnergyVad, type VadEvent } from "./energy-vad.js";
import { FramePacer } from "./frame-pacer.js";

/** The keypad digit that makes the agent ask for a human (`transfer-requested`). */
export const TRANSFER_DIGIT = "0";

/** The clips the agent speaks, by id: the greeting at the start, then one answer per utterance, in turn (cycling). */
export interface AgentScript {
  readonly greeting: string;
  readonly answers: readonly string[];
}

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
}

/**
 * The scripted voice agent: greets, listens with an energy VAD, answers each utterance once the
 * user has been silent 600 ms, and stops talking the moment the user talks over it (barge-in).
 * It only produces normalized events; it knows nothing about sockets or dialects.
 */
export class ScriptedAgent {
  readonly activity: AgentActivity = { utterances: [], bargeIns: 0, spoke: [] };
  readonly #options: ScriptedAgentOptions;
  readonly #vad: EnergyVad;
  readonly #pacer: FramePacer;
  readonly #script: AgentScript;
  #speaking = false;
  /** Fast mode: audio time at which the agent's current turn would have finished playing. */
  #speakingUntilMs = 0;
  #answers = 0;
  #stopped = false;

  constructor(options: ScriptedAgentOptions) {
    this.#options = options;
    this.#script = options.script ?? { greeting: "greeting", answers: ["answer"] };
    this.#vad = new EnergyVad({ sampleRate: options.userRate, ...options.vad });
    this.#pacer = new FramePacer({
      frameMs: AGENT_FRAME_MS,
      fast: options.fast,
      send: (audio) => options.emit({ type: "audio-chunk", audio, sampleRate: options.agentRate }),
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

  /** Stops for good (the session ended): no more events, no timers. */
  stop(): void {
    this.#stopped = true;
    this.#pacer.dispose();
  }

  readonly #onVad = (event: VadEvent): void => {
    if (event.type === "speech-start") {
      const overlapping = this.#options.fast ? this.#speaking && event.atMs < this.#speakingUntilMs : this.#speaking;
      if (overlapping) this.#bargeIn();
      return;
    }
    this.activity.utterances.push({ startMs: event.startMs, durationMs: event.durationMs });
    const { emit } = this.#options;
    emit({ type: "transcript-end", role: "user", text: `[speech ${(event.durationMs / 1000).toFixed(1)} s]` });
    emit({ type: "agent-state", state: "thinking" });
    const answers = this.#script.answers;
    this.#speak(answers[this.#answers++ % answers.length]!);
  };

  #bargeIn(): void {
    this.#pacer.stop();
    this.activity.bargeIns++;
    this.#options.emit({ type: "playback-clear" });
    this.#turnOver();
  }

  #speak(id: string): void {
    const clip: SessionClip = this.#options.clips.at(id, this.#options.agentRate);
    const { emit } = this.#options;
    this.activity.spoke.push(id);
    this.#speaking = true;
    this.#speakingUntilMs = this.#vad.timeMs + clip.durationMs;
    emit({ type: "agent-state", state: "speaking" });
    emit({ type: "transcript-delta", role: "agent", delta: clip.text, text: clip.text });
    emit({ type: "transcript-end", role: "agent", text: clip.text });
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
