/**
 * Puts media frames back in `chunk` order (Telnyx does not guarantee the order they arrive in).
 * A frame after a gap waits, up to `window` frames; once more wait, the gap is given up on (the
 * missing frame counts as lost) and the waiting frames go out in order. A frame older than what
 * has already gone out is late: it is dropped (playing it now would garble the audio) and counted.
 * In-order frames go straight through, so a stream that arrives in order pays nothing.
 */
export class ChunkReorder<T> {
  readonly #window: number;
  /** Waiting frames, sorted by chunk. */
  readonly #held: { chunk: number; item: T }[] = [];
  #next: number | undefined;
  #late = 0;
  #lost = 0;

  constructor(window: number) {
    this.#window = window;
  }

  /** Frames dropped because they came after later ones had gone out. */
  get late(): number {
    return this.#late;
  }

  /** Chunk numbers never seen that the window gave up on. */
  get lost(): number {
    return this.#lost;
  }

  get waiting(): number {
    return this.#held.length;
  }

  /** Takes one frame; `out` gets what is now in order. Returns false when the frame was late (dropped). */
  push(chunk: number, item: T, out: (item: T) => void): boolean {
    const next = this.#next;
    if (next === undefined || chunk === next) {
      this.#next = chunk + 1;
      out(item);
      this.#drain(out);
      return true;
    }
    if (chunk < next || this.#held.some((h) => h.chunk === chunk)) {
      this.#late++;
      return false;
    }
    let at = this.#held.length;
    while (at > 0 && this.#held[at - 1]!.chunk > chunk) at--;
    this.#held.splice(at, 0, { chunk, item });
    while (this.#held.length > this.#window) {
      const first = this.#held.shift()!;
      this.#lost += first.chunk - this.#next!;
      this.#next = first.chunk + 1;
      out(first.item);
      this.#drain(out);
    }
    return true;
  }

  /** Everything still waiting, in order (the stream ended). */
  flush(out: (item: T) => void): void {
    for (const held of this.#held.splice(0)) {
      if (this.#next !== undefined) this.#lost += Math.max(0, held.chunk - this.#next);
      this.#next = held.chunk + 1;
      out(held.item);
    }
  }

  #drain(out: (item: T) => void): void {
    while (this.#held.length > 0 && this.#held[0]!.chunk === this.#next) {
      const held = this.#held.shift()!;
      this.#next = held.chunk + 1;
      out(held.item);
    }
  }
}
