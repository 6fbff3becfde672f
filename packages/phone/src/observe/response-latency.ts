import { CallerVoice, type CallerVoiceOptions } from "./caller-voice.js";

/** Where the caller's stop came from: the agent's own voice detection, or the bridge's energy detector. */
export type StopSource = "agent" | "energy";

/** Agent audio this long after the last loud caller frame ends the caller's stretch (shorter is double-talk). */
const ANSWERED_INSIDE_HANGOVER_MS = 60;

/**
 * Response latency as the caller hears it: from the caller's stop to the first agent audio
 * sent to the carrier after it. The stop is the agent's `speech-stopped` where its dialect sends
 * one (from the first one on, the energy detector is no longer consulted), else the energy
 * detector's last voiced frame. One figure per stop; agent audio with no stop before it (a
 * greeting, the rest of a turn) measures nothing.
 */
export class ResponseLatency {
  readonly voice: CallerVoice;
  #agentVad = false;
  #stoppedAt: number | undefined;
  #source: StopSource = "energy";
  /** The latest figure, in ms, and where its stop came from (read by the turn's trace span). */
  lastMs: number | undefined;
  lastSource: StopSource | undefined;

  constructor(options: CallerVoiceOptions = {}) {
    this.voice = new CallerVoice(options);
  }

  /** Whether the caller is speaking at `now`, by whichever source is in use (a hangover run out ends the stretch). */
  callerSpeakingAt(now: number): boolean {
    if (this.#agentVad) return this.#agentSpeaking;
    if (this.voice.poll(now) === "stopped") this.#stop(this.voice.lastVoicedAt, "energy");
    return this.voice.speaking;
  }

  #agentSpeaking = false;

  /** A caller frame. Returns the detector's change, for observers that watch voice. */
  callerAudio(audio: Int16Array, now: number): "started" | "stopped" | undefined {
    const change = this.voice.push(audio, now);
    if (this.#agentVad) return change;
    if (change === "started") this.#stoppedAt = undefined;
    else if (change === "stopped") this.#stop(this.voice.lastVoicedAt, "energy");
    return change;
  }

  /** The agent's own `speech-started` / `speech-stopped`. */
  agentSpeech(kind: "started" | "stopped", now: number): void {
    this.#agentVad = true;
    this.#agentSpeaking = kind === "started";
    if (kind === "started") this.#stoppedAt = undefined;
    else this.#stop(now, "agent");
  }

  /** An agent frame went to the carrier: the figure in ms when it is the first since a stop. */
  agentAudioSent(now: number): number | undefined {
    if (!this.#agentVad && this.voice.speaking && now - this.voice.lastVoicedAt >= ANSWERED_INSIDE_HANGOVER_MS) {
      // The agent answered inside the detector's hangover: the caller had stopped at the last loud frame.
      this.voice.poll(Number.POSITIVE_INFINITY);
      this.#stop(this.voice.lastVoicedAt, "energy");
    }
    const stoppedAt = this.#stoppedAt;
    if (stoppedAt === undefined) return undefined;
    this.#stoppedAt = undefined;
    const ms = Math.max(0, now - stoppedAt);
    this.lastMs = ms;
    this.lastSource = this.#source;
    return ms;
  }

  #stop(at: number, source: StopSource): void {
    this.#stoppedAt = at;
    this.#source = source;
  }
}
