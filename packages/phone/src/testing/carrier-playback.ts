import type { PacingScheduler, Tickable } from "../pacing-scheduler.js";

/**
 * How a simulated carrier plays the audio an application sends back:
 * - `realtime`: at wall-clock pace from arrival, as a phone line does;
 * - `manual`: only when a test calls `advance(ms)` (deterministic barge-in and ledger tests);
 * - `instant`: everything plays the moment it arrives (fast runs: marks come straight back).
 */
export type PlaybackMode = "realtime" | "manual" | "instant";

interface PendingMark {
  name: string;
  /** Audio position (ms) the mark sits behind. */
  position: number;
  receivedAt: number;
}

export interface PlaybackOptions {
  mode: PlaybackMode;
  scheduler: PacingScheduler;
  /** The carrier acknowledges a mark: `cleared` when a clear dropped the audio before it. */
  echo(name: string, cleared: boolean, receivedAt: number): void;
  /** On clear, pending marks are acknowledged (Twilio, Telnyx) rather than forgotten (Plivo, Asterisk). Default true. */
  clearEchoesMarks?: boolean;
  /** Told of each mark a clear forgot (never acknowledged). */
  forgot?(name: string): void;
}

/**
 * A carrier's outbound queue for one stream. Audio positions are in ms of received audio; the
 * playhead moves at real time (or as told) and never past what was received; a mark is
 * acknowledged once the playhead reaches the audio before it; a clear drops everything unplayed
 * and, as Twilio and Telnyx do, acknowledges every pending mark at once (or, as Plivo and
 * Asterisk do, forgets them).
 */
export class CarrierPlayback implements Tickable {
  readonly #options: PlaybackOptions;
  readonly #marks: PendingMark[] = [];
  /** End of the received (and not cleared) audio, ms. */
  #end = 0;
  /** Playhead at `#anchorTime`. */
  #anchorPos = 0;
  #anchorTime = 0;
  /** Manual mode's own clock. */
  #virtualNow = 0;
  #maxQueuedMs = 0;
  #droppedMs = 0;
  #disposed = false;

  constructor(options: PlaybackOptions) {
    this.#options = options;
  }

  /** Audio played so far (cleared audio excluded), ms. */
  get playedMs(): number {
    return this.#position(this.#now());
  }

  /** Audio received and not yet played, ms. */
  get queuedMs(): number {
    return this.#end - this.#position(this.#now());
  }

  /** The most audio ever waiting at once, ms: how far ahead the application sent. */
  get maxQueuedMs(): number {
    return this.#maxQueuedMs;
  }

  get droppedMs(): number {
    return this.#droppedMs;
  }

  get pendingMarks(): number {
    return this.#marks.length;
  }

  /** `ms` of audio arrived. */
  audio(ms: number): void {
    if (this.#disposed) return;
    const now = this.#now();
    const position = this.#position(now);
    // An idle (drained) line starts playing the new audio now.
    this.#anchorPos = position;
    this.#anchorTime = now;
    this.#end += ms;
    if (this.#options.mode === "instant") this.#anchorPos = this.#end;
    const queued = this.#end - this.#position(now);
    if (queued > this.#maxQueuedMs) this.#maxQueuedMs = queued;
    this.#schedule();
  }

  /** A mark arrived behind the audio received so far. */
  mark(name: string): void {
    if (this.#disposed) return;
    this.#marks.push({ name, position: this.#end, receivedAt: this.#now() });
    this.#echoDue();
    this.#schedule();
  }

  /** Drops the unplayed audio and echoes (or forgets) every pending mark. Returns what was dropped. */
  clear(): { playedMs: number; droppedMs: number; marks: number } {
    const now = this.#now();
    const played = this.#position(now);
    const dropped = this.#end - played;
    this.#droppedMs += dropped;
    this.#end = played;
    this.#anchorPos = played;
    this.#anchorTime = now;
    const pending = this.#marks.splice(0);
    this.#options.scheduler.cancel(this);
    if (this.#options.clearEchoesMarks ?? true) for (const mark of pending) this.#options.echo(mark.name, true, mark.receivedAt);
    else for (const mark of pending) this.#options.forgot?.(mark.name);
    return { playedMs: played, droppedMs: dropped, marks: pending.length };
  }

  /** Manual mode: plays `ms` more of the queued audio. */
  advance(ms: number): void {
    if (this.#options.mode !== "manual") throw new Error("advance() is for manual playback");
    this.#virtualNow += ms;
    this.#echoDue();
  }

  tick(): void {
    this.#echoDue();
    this.#schedule();
  }

  dispose(): void {
    this.#disposed = true;
    this.#marks.length = 0;
    this.#options.scheduler.cancel(this);
  }

  #now(): number {
    return this.#options.mode === "manual" ? this.#virtualNow : this.#options.scheduler.now();
  }

  #position(now: number): number {
    if (this.#options.mode === "instant") return this.#end;
    return Math.min(this.#end, this.#anchorPos + (now - this.#anchorTime));
  }

  #echoDue(): void {
    const played = this.#position(this.#now());
    while (this.#marks.length > 0 && this.#marks[0]!.position <= played) {
      const mark = this.#marks.shift()!;
      this.#options.echo(mark.name, false, mark.receivedAt);
    }
  }

  #schedule(): void {
    if (this.#options.mode !== "realtime" || this.#disposed) return;
    const next = this.#marks[0];
    if (next) this.#options.scheduler.wake(this, this.#anchorTime + (next.position - this.#anchorPos));
    else this.#options.scheduler.cancel(this);
  }
}
