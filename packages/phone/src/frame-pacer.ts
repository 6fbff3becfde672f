import type { PacingScheduler, Tickable } from "./pacing-scheduler.js";

/** The shortest wait the pacer asks for. */
const MIN_WAIT_MS = 0.5;

export interface FramePacerOptions {
  /** Audio kept queued at the carrier ahead of what it plays, in ms: frames leave while the lead is below this. */
  leadMs: number;
  /** Audio the pacer may hold, in ms; past it the oldest frame is dropped. */
  capacityMs: number;
  /** The duration the capacity is counted in (20 ms frames). */
  frameMs: number;
  /** Sample rate of the frames (durations are computed from their length). */
  sampleRate: number;
  /** After this long without sending, `onIdle` runs once (the ledger's tail mark). */
  idleAfterMs: number;
  scheduler: PacingScheduler;
  /** `startsTurn`: the frame was queued as the first of a new agent turn. */
  send(frame: Int16Array, ms: number, startsTurn: boolean): void;
  onIdle(): void;
  /** Start held: frames queue but none leaves until `release()` (the stream has not started). */
  held?: boolean;
}

/**
 * Releases agent audio to the carrier at the pace it plays it. A carrier plays what it receives at
 * real time from its arrival, so `sentUntil` (the monotonic time at which everything sent so far
 * will have played) tracks the carrier's queue; a frame leaves only while `sentUntil − now` is at most
 * `leadMs`, so the audio queued at the carrier stays within [leadMs − tick, leadMs + one frame] while
 * the agent is ahead of real time, and frames go out at once when it is not. Held frames sit in a
 * preallocated ring of references (no copies); `clear` drops them all at once.
 */
export class FramePacer implements Tickable {
  readonly #options: FramePacerOptions;
  readonly #ring: (Int16Array | undefined)[];
  /** 1 where the frame in the same slot opens a new agent turn. */
  readonly #starts: Uint8Array;
  readonly #samplesPerMs: number;
  #head = 0;
  #count = 0;
  #queuedSamples = 0;
  #sentUntil = Number.NEGATIVE_INFINITY;
  #lastSendAt = 0;
  #idlePending = false;
  /** The wake-up requested from the scheduler, if one is pending. */
  #wakeAt: number | undefined;
  #disposed = false;
  #held: boolean;
  #framesSent = 0;
  #framesDropped = 0;
  #framesCleared = 0;
  #maxLeadMs = 0;

  constructor(options: FramePacerOptions) {
    this.#options = options;
    this.#samplesPerMs = options.sampleRate / 1000;
    this.#held = options.held ?? false;
    const slots = Math.max(1, Math.ceil(options.capacityMs / options.frameMs));
    this.#ring = new Array(slots).fill(undefined);
    this.#starts = new Uint8Array(slots);
  }

  get stats(): { framesSent: number; framesDropped: number; framesCleared: number; maxLeadMs: number } {
    return { framesSent: this.#framesSent, framesDropped: this.#framesDropped, framesCleared: this.#framesCleared, maxLeadMs: this.#maxLeadMs };
  }

  /** Audio waiting here, in ms. */
  get queuedMs(): number {
    return this.#queuedSamples / this.#samplesPerMs;
  }

  /** Audio queued at the carrier now (by the clock model), in ms. */
  get leadMs(): number {
    return Math.max(0, this.#sentUntil - this.#options.scheduler.now());
  }

  /** How long the line has been silent: ms since the last audio sent finished playing (Infinity before any). */
  get quietForMs(): number {
    if (this.#count > 0) return 0;
    return this.#options.scheduler.now() - this.#sentUntil;
  }

  /**
   * Queues a frame and sends what the lead allows now. The pacer keeps the reference, unless
   * `borrowed`: then the frame is the caller's only for this call, and is copied if it has to wait.
   */
  push(frame: Int16Array, startsTurn = false, borrowed = false): void {
    if (this.#disposed || frame.length === 0) return;
    if (borrowed && (this.#held || this.#count > 0 || this.#sentUntil - this.#options.scheduler.now() > this.#options.leadMs)) frame = frame.slice();
    const ring = this.#ring;
    if (this.#count === ring.length) {
      const head = this.#head;
      this.#queuedSamples -= ring[head]!.length;
      ring[head] = undefined;
      this.#head = (head + 1) % ring.length;
      this.#count--;
      this.#framesDropped++;
      // The turn boundary survives the drop: the next frame opens the turn instead.
      if (this.#starts[head] === 1) {
        if (this.#count > 0) this.#starts[this.#head] = 1;
        else startsTurn = true;
      }
      this.#starts[head] = 0;
    }
    const slot = (this.#head + this.#count) % ring.length;
    ring[slot] = frame;
    this.#starts[slot] = startsTurn ? 1 : 0;
    this.#count++;
    this.#queuedSamples += frame.length;
    this.#pump(this.#options.scheduler.now());
  }

  /** Barge-in: drops every held frame; the carrier's queue is being cleared too, so the lead is zero. */
  clear(): number {
    const dropped = this.#count;
    this.#ring.fill(undefined);
    this.#starts.fill(0);
    this.#head = 0;
    this.#count = 0;
    this.#queuedSamples = 0;
    this.#framesCleared += dropped;
    this.#sentUntil = this.#options.scheduler.now();
    this.#idlePending = false;
    this.#cancelWake();
    return dropped;
  }

  tick(now: number): void {
    this.#wakeAt = undefined;
    this.#pump(now);
  }

  /**
   * Stops sending (the carrier asked for no more for now: Asterisk's `MEDIA_XOFF`). Frames keep
   * queueing in the ring, whose bound drops the oldest and counts them, until `release()`.
   */
  hold(): void {
    if (this.#disposed || this.#held) return;
    this.#held = true;
    this.#cancelWake();
  }

  /** Whether frames are held (before the stream started, or while the carrier asked for no more). */
  get held(): boolean {
    return this.#held;
  }

  /** Lets held frames go (the stream started, or the carrier asked for more). */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    this.#pump(this.#options.scheduler.now());
  }

  /** Releases the ring and any pending wake-up; the pacer accepts nothing afterwards. */
  dispose(): void {
    this.#disposed = true;
    this.#ring.fill(undefined);
    this.#count = 0;
    this.#queuedSamples = 0;
    this.#idlePending = false;
    this.#wakeAt = undefined;
    this.#options.scheduler.cancel(this);
  }

  #pump(now: number): void {
    if (this.#disposed || this.#held) return;
    const o = this.#options;
    const ring = this.#ring;
    if (this.#sentUntil < now) this.#sentUntil = now;
    while (this.#count > 0 && this.#sentUntil - now <= o.leadMs) {
      const head = this.#head;
      const frame = ring[head]!;
      const startsTurn = this.#starts[head] === 1;
      ring[head] = undefined;
      this.#head = (head + 1) % ring.length;
      this.#count--;
      this.#queuedSamples -= frame.length;
      const ms = frame.length / this.#samplesPerMs;
      this.#sentUntil += ms;
      this.#lastSendAt = now;
      this.#idlePending = true;
      this.#framesSent++;
      o.send(frame, ms, startsTurn);
      if (this.#disposed) return;
    }
    const lead = this.#sentUntil - now;
    if (lead > this.#maxLeadMs) this.#maxLeadMs = lead;
    if (this.#count > 0) {
      // Due when the lead falls back to `leadMs`; never now again (a rounding error must not spin).
      this.#wake(Math.max(this.#sentUntil - o.leadMs, now + MIN_WAIT_MS), true);
    } else if (this.#idlePending) {
      if (now - this.#lastSendAt >= o.idleAfterMs) {
        this.#idlePending = false;
        this.#cancelWake();
        o.onIdle();
      } else {
        // An earlier wake-up already pending is kept: the tick looks again and moves it on. At an
        // agent's real-time pace this asks the scheduler once per idle period, not once per frame.
        this.#wake(this.#lastSendAt + o.idleAfterMs, false);
      }
    }
  }

  /** Asks to be woken at `at`; unless `exact`, an earlier pending request stands. */
  #wake(at: number, exact: boolean): void {
    if (!exact && this.#wakeAt !== undefined && this.#wakeAt <= at) return;
    this.#wakeAt = at;
    this.#options.scheduler.wake(this, at);
  }

  #cancelWake(): void {
    if (this.#wakeAt === undefined) return;
    this.#wakeAt = undefined;
    this.#options.scheduler.cancel(this);
  }
}
