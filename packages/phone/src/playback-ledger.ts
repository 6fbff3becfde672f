/** Heard-audio report for one agent turn. */
export interface AgentAudioHeard {
  type: "agent-audio-heard";
  /** The agent turn, counted from 1 per call. */
  turn: number;
  /**
   * Agent audio of this turn the caller has heard, in ms: confirmed by the carrier's mark echoes (a
   * lower bound), or, where the carrier acknowledges nothing, estimated from the pacing clock.
   */
  heardMs: number;
  /** Agent audio of this turn sent to the carrier so far, in ms. */
  sentMs: number;
  /** No later report for this turn will follow. */
  final: boolean;
  /** The turn was cut off (a barge-in `clear`, or the call ended) before all its audio was heard. */
  interrupted: boolean;
  /**
   * `"estimated"` where the carrier acknowledges no playback and `heardMs` comes from the pacing
   * clock. Absent when the carrier confirmed it (`"acknowledged"`, as every Twilio report has been).
   */
  heardSource?: HeardSource;
}

/** How the ledger knows what was heard: the carrier's acknowledgements, or the pacing clock. */
export type HeardSource = "acknowledged" | "estimated";

/** The prefix of the ledger's mark names: `vx:<turn>:<generation>:<ms>`. */
export const LEDGER_MARK_PREFIX = "vx:";

interface TurnState {
  sentMs: number;
  heardMs: number;
  /** Audio sent since the last mark. */
  unmarkedMs: number;
  /** No more audio will be added (a later turn started). */
  closed: boolean;
}

export interface PlaybackLedgerOptions {
  /** A mark goes out after every this much agent audio. */
  markEveryMs: number;
  emit(event: AgentAudioHeard): void;
  /** Default `"acknowledged"`; `"estimated"` marks every report so (the bridge resolves the marks from its clock). */
  heardSource?: HeardSource;
}

/**
 * Tracks how much agent audio the caller has actually heard. Marks named
 * `vx:<turn>:<generation>:<ms>` ride behind the audio; the carrier echoes a mark once the audio before
 * it has played. The generation goes up on every clear, because Twilio (and carriers like it) also echoes every
 * pending mark when it clears: an echo of an older generation therefore means "dropped", not
 * "heard" (the generation-counter idea of OpenAI's Twilio bridge and ElevenLabs' stale-audio guard).
 */
export class PlaybackLedger {
  readonly #options: PlaybackLedgerOptions;
  readonly #turns = new Map<number, TurnState>();
  #turn = 0;
  #generation = 0;
  #marksSent = 0;
  #marksHeard = 0;
  #marksDropped = 0;

  readonly #estimated: boolean;

  constructor(options: PlaybackLedgerOptions) {
    this.#options = options;
    this.#estimated = options.heardSource === "estimated";
  }

  /** Where `heardMs` comes from. */
  get heardSource(): HeardSource {
    return this.#estimated ? "estimated" : "acknowledged";
  }

  /** The current turn (0 before any agent audio). */
  get turn(): number {
    return this.#turn;
  }

  get generation(): number {
    return this.#generation;
  }

  get counts(): { marksSent: number; marksHeard: number; marksDropped: number } {
    return { marksSent: this.#marksSent, marksHeard: this.#marksHeard, marksDropped: this.#marksDropped };
  }

  /** The current turn's figures, or undefined before the first. */
  current(): { turn: number; heardMs: number; sentMs: number } | undefined {
    const state = this.#turns.get(this.#turn);
    return state ? { turn: this.#turn, heardMs: state.heardMs, sentMs: state.sentMs } : undefined;
  }

  /** Starts a new turn; the previous one takes no more audio and is reported final once all of it is heard. */
  startTurn(): number {
    const previous = this.#turns.get(this.#turn);
    // A turn that never got audio is simply reused.
    if (previous && previous.sentMs === 0) return this.#turn;
    if (previous) {
      previous.closed = true;
      this.#finishIfHeard(this.#turn, previous);
    }
    this.#turn++;
    this.#turns.set(this.#turn, { sentMs: 0, heardMs: 0, unmarkedMs: 0, closed: false });
    return this.#turn;
  }

  /** Counts `ms` of audio just sent; returns a mark name to send right behind it when one is due. */
  sent(ms: number): string | undefined {
    const state = this.#turns.get(this.#turn);
    if (!state) return undefined;
    state.sentMs += ms;
    state.unmarkedMs += ms;
    return state.unmarkedMs >= this.#options.markEveryMs ? this.#markFor(state) : undefined;
  }

  /** A mark for audio sent since the last one (the line went quiet), or undefined when all is marked. */
  tail(): string | undefined {
    const state = this.#turns.get(this.#turn);
    return state && state.unmarkedMs > 0 ? this.#markFor(state) : undefined;
  }

  /** Handles a mark the carrier echoed; false when the name is not one of the ledger's. */
  echoed(name: string): boolean {
    const parsed = parseMarkName(name);
    if (!parsed) return false;
    const state = this.#turns.get(parsed.turn);
    if (parsed.generation !== this.#generation || !state) {
      // Echoed by a clear, or for a turn already reported final: that audio was dropped.
      this.#marksDropped++;
      return true;
    }
    this.#marksHeard++;
    if (parsed.ms > state.heardMs) state.heardMs = Math.min(parsed.ms, state.sentMs);
    if (!this.#finishIfHeard(parsed.turn, state)) {
      this.#report({
        type: "agent-audio-heard",
        turn: parsed.turn,
        heardMs: state.heardMs,
        sentMs: state.sentMs,
        final: false,
        interrupted: false,
      });
    }
    return true;
  }

  /**
   * Barge-in: the carrier drops its queue, so every open turn ends where its last confirmed mark was.
   * Reports them final (interrupted when audio was lost) and moves to a new generation.
   */
  cleared(): void {
    this.#generation++;
    // The next agent audio starts a new turn (`sent` counts nothing until then).
    this.#finishAll();
  }

  /** The call is over: every open turn is reported final with what was confirmed. */
  ended(): void {
    this.#finishAll();
  }

  #finishAll(): void {
    for (const [turn, state] of this.#turns) {
      this.#report({
        type: "agent-audio-heard",
        turn,
        heardMs: state.heardMs,
        sentMs: state.sentMs,
        final: true,
        interrupted: state.heardMs < state.sentMs,
      });
    }
    this.#turns.clear();
  }

  #finishIfHeard(turn: number, state: TurnState): boolean {
    if (!state.closed || state.heardMs < state.sentMs) return false;
    this.#turns.delete(turn);
    this.#report({ type: "agent-audio-heard", turn, heardMs: state.heardMs, sentMs: state.sentMs, final: true, interrupted: false });
    return true;
  }

  #report(event: AgentAudioHeard): void {
    this.#options.emit(this.#estimated ? { ...event, heardSource: "estimated" } : event);
  }

  #markFor(state: TurnState): string {
    state.unmarkedMs = 0;
    this.#marksSent++;
    return `${LEDGER_MARK_PREFIX}${this.#turn}:${this.#generation}:${Math.round(state.sentMs)}`;
  }
}

/** `vx:<turn>:<generation>:<ms>` → its numbers, or undefined for any other name. */
export function parseMarkName(name: string): { turn: number; generation: number; ms: number } | undefined {
  if (!name.startsWith(LEDGER_MARK_PREFIX)) return undefined;
  const parts = name.slice(LEDGER_MARK_PREFIX.length).split(":");
  if (parts.length !== 3) return undefined;
  const [turn, generation, ms] = parts.map(Number) as [number, number, number];
  if (!Number.isInteger(turn) || !Number.isInteger(generation) || !Number.isFinite(ms) || turn < 1 || generation < 0 || ms < 0) return undefined;
  return { turn, generation, ms };
}
