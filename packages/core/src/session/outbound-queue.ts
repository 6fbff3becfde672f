export interface OutboundQueueOptions<T> {
  /** Audio that may wait here, in ms; past it the oldest audio frame is dropped. */
  maxAudioMs: number;
  /** Nothing more is handed to the socket while its `bufferedAmount` is above this. */
  highWaterBytes: number;
  /** Hands an item to the socket (the session encodes it then: see LiveSession). */
  send(item: T): void;
  /** The socket's `bufferedAmount`. */
  bufferedAmount(): number;
  /** Whether frames may go out at all (socket open and the dialect ready). */
  canSend(): boolean;
  /** Called to retry later while the socket is backed up; returns a cancel function. */
  retryLater(pump: () => void): () => void;
  /** Told of every dropped audio frame. */
  onDrop(): void;
}

interface Item<T> {
  value: T | null; // null once dropped
  audioMs: number; // > 0 for audio, which may be dropped; 0 for control frames, which never are
}

/**
 * The bounded queue between the application and the socket. The caller is never blocked:
 * when the socket's own buffer is above the high-water mark (or the dialect is not ready yet),
 * items wait here, and once more than `maxAudioMs` of audio waits the oldest audio is dropped
 * and counted. Control items (DTMF, marks, stop) are never dropped.
 */
export class OutboundQueue<T> {
  readonly #options: OutboundQueueOptions<T>;
  #items: Item<T>[] = [];
  #head = 0;
  #audioMs = 0;
  #depth = 0;
  #cancelRetry: (() => void) | undefined;

  constructor(options: OutboundQueueOptions<T>) {
    this.#options = options;
  }

  /** Items waiting. */
  get depth(): number {
    return this.#depth;
  }

  /** Audio waiting, in ms. */
  get audioMs(): number {
    return this.#audioMs;
  }

  push(value: T, audioMs = 0): void {
    this.#items.push({ value, audioMs });
    this.#depth++;
    this.#audioMs += audioMs;
    this.#enforceBound();
    this.pump();
  }

  /** Sends what the socket can take now; schedules a retry if it is backed up. */
  pump(): void {
    const o = this.#options;
    while (this.#head < this.#items.length) {
      if (!o.canSend()) return;
      if (o.bufferedAmount() > o.highWaterBytes) {
        this.#cancelRetry ??= o.retryLater(() => {
          this.#cancelRetry = undefined;
          this.pump();
        });
        return;
      }
      const item = this.#items[this.#head++]!;
      if (item.value === null) continue;
      this.#take(item);
      o.send(item.value);
    }
    this.#compact();
  }

  /** Drops every queued audio item (barge-in on our side); returns how many. */
  dropAudio(): number {
    let dropped = 0;
    for (let i = this.#head; i < this.#items.length; i++) {
      const item = this.#items[i]!;
      if (item.value !== null && item.audioMs > 0) {
        this.#take(item);
        item.value = null;
        dropped++;
      }
    }
    return dropped;
  }

  /** Stops retrying and forgets everything (the socket is gone). */
  dispose(): void {
    this.#cancelRetry?.();
    this.#cancelRetry = undefined;
    this.#items = [];
    this.#head = 0;
    this.#audioMs = 0;
    this.#depth = 0;
  }

  #enforceBound(): void {
    for (let i = this.#head; this.#audioMs > this.#options.maxAudioMs && i < this.#items.length; i++) {
      const item = this.#items[i]!;
      if (item.value === null || item.audioMs === 0) continue;
      this.#take(item);
      item.value = null;
      this.#options.onDrop();
    }
  }

  #take(item: Item<T>): void {
    this.#depth--;
    this.#audioMs -= item.audioMs;
  }

  // Reclaims the consumed prefix without shifting on every send.
  #compact(): void {
    if (this.#head === this.#items.length) {
      this.#items.length = 0;
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}
