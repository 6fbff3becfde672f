/** A frame louder than this RMS (about -40 dBFS) is voice. Phone lines idle well below it. */
export const DEFAULT_VOICE_RMS = 330;
/** Voice has stopped once this long passes without a loud frame (a breath between words is not a stop). */
export const DEFAULT_HANGOVER_MS = 300;

export interface CallerVoiceOptions {
  /** RMS (PCM16 units) above which a frame is voice (default 330, about -40 dBFS). */
  thresholdRms?: number;
  /** Quiet after the last loud frame before voice counts as stopped (default 300 ms). */
  hangoverMs?: number;
}

/**
 * A streaming energy detector on caller audio, for agents whose dialect reports no speech
 * events of its own: a frame is voice when its RMS passes a threshold, and voice has stopped
 * `hangoverMs` after the last voiced frame. The stop time it reports is that last voiced frame's
 * arrival, not the end of the hangover: the silence the caller hears starts there. One pass over
 * the frame's samples; nothing allocated.
 */
export class CallerVoice {
  readonly #thresholdSquared: number;
  readonly #hangoverMs: number;
  #speaking = false;
  #lastVoicedAt = Number.NEGATIVE_INFINITY;

  constructor(options: CallerVoiceOptions = {}) {
    const rms = options.thresholdRms ?? DEFAULT_VOICE_RMS;
    this.#thresholdSquared = rms * rms;
    this.#hangoverMs = options.hangoverMs ?? DEFAULT_HANGOVER_MS;
  }

  /** Inside a stretch of voice (its hangover included). */
  get speaking(): boolean {
    return this.#speaking;
  }

  /** When the last voiced frame arrived (monotonic ms; -Infinity before any). */
  get lastVoicedAt(): number {
    return this.#lastVoicedAt;
  }

  /**
   * Reads one frame. Returns "started" on the first voiced frame of a stretch, "stopped" when the
   * hangover runs out (then `lastVoicedAt` is the stop time), undefined otherwise.
   */
  push(audio: Int16Array, now: number): "started" | "stopped" | undefined {
    const n = audio.length;
    if (n === 0) return this.poll(now);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const s = audio[i]!;
      sum += s * s;
    }
    if (sum / n >= this.#thresholdSquared) {
      this.#lastVoicedAt = now;
      if (!this.#speaking) {
        this.#speaking = true;
        return "started";
      }
      return undefined;
    }
    return this.poll(now);
  }

  /** Ends a stretch whose hangover has run out by `now` (also checked on each quiet frame). */
  poll(now: number): "stopped" | undefined {
    if (this.#speaking && now - this.#lastVoicedAt >= this.#hangoverMs) {
      this.#speaking = false;
      return "stopped";
    }
    return undefined;
  }
}
