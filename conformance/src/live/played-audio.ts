/**
 * The playback side of one agent turn, as a player would run it: playing starts when the turn's
 * first chunk arrives and goes on at real time while audio is buffered, stalling when the buffer
 * runs dry (audio arriving slower than it plays). `playedMs(t)` is how much had been heard at `t`.
 * Times are ms on one clock (a call's tap); chunks must be pushed in arrival order.
 */
export class PlayedAudio {
  #startMs: number | undefined;
  /** Time up to which `#played` is known. */
  #atMs = 0;
  #played = 0;
  #arrived = 0;

  /** A chunk of `durationMs` of audio arrived at `atMs`. */
  push(atMs: number, durationMs: number): void {
    if (this.#startMs === undefined) {
      this.#startMs = atMs;
      this.#atMs = atMs;
    } else this.#advance(atMs);
    this.#arrived += durationMs;
  }

  /** Audio arrived so far, ms. */
  get arrivedMs(): number {
    return this.#arrived;
  }

  /** How much of the turn had played at `atMs` (0 before its first chunk). */
  playedMs(atMs: number): number {
    if (this.#startMs === undefined || atMs <= this.#startMs) return 0;
    return Math.min(this.#arrived, this.#played + Math.max(0, atMs - this.#atMs));
  }

  #advance(atMs: number): void {
    if (atMs <= this.#atMs) return;
    this.#played = Math.min(this.#arrived, this.#played + (atMs - this.#atMs));
    this.#atMs = atMs;
  }
}
