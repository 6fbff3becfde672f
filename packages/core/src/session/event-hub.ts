type Listener<E> = (event: E) => void;

interface Reader<E> {
  queue: E[];
  wake: (() => void) | undefined;
  done: boolean;
}

/** Events an iterator (or the backlog) holds by default before dropping. */
const DEFAULT_MAX_PENDING = 2000;

export interface EventHubOptions<E extends { type: string }> {
  /** Events an iterator (or the backlog) may hold before the oldest bulk event is dropped. Default 2000. */
  maxPending?: number;
  /**
   * What is kept for the first iterator, from before it attached (default "until-full"):
   * - "until-full": up to `maxPending` events; once full it is dropped whole and no longer kept,
   *   so a user that only listens pays nothing per event for it.
   * - "bounded": the newest `maxPending` events (bulk dropped first) for as long as nobody iterates.
   * - false: nothing; every iterator starts from when it attaches.
   */
  backlog?: "until-full" | "bounded" | false;
  /** Dropped first when a reader falls behind: there is always a newer one. Default: none is. */
  isBulk?(event: E): boolean;
  /** The last event: nothing is emitted after it, and an iterator ends once it has read it. */
  isFinal?(event: E): boolean;
  /**
   * Call the listeners registered when `emit()` began, even one removed meanwhile; one added
   * meanwhile waits for the next event. Default false: the live set, without a copy per event.
   */
  snapshotListeners?: boolean;
  /** An event was dropped (a reader fell behind, or the backlog was abandoned). */
  onDrop?(): void;
  /** A listener threw: reported, never rethrown into the emitter (a socket callback). */
  onListenerError(error: unknown, type: string): void;
}

/**
 * Fans events out to typed listeners (and `"*"`) and to async iterators, each with a bounded
 * queue. Until the first iterator attaches, events are kept in a backlog it receives first, so
 * an application that awaits something before `for await` loses nothing. The stream ends with
 * an event `isFinal` says is the last, or with `end()`.
 */
export class EventHub<E extends { type: string }> {
  readonly #options: EventHubOptions<E>;
  readonly #maxPending: number;
  readonly #listeners = new Map<string, Set<Listener<E>>>();
  readonly #readers = new Set<Reader<E>>();
  #backlog: E[] | undefined = [];
  #ended = false;

  constructor(options: EventHubOptions<E>) {
    this.#options = options;
    this.#maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    if (options.backlog === false) this.#backlog = undefined;
  }

  on(type: E["type"] | "*", listener: Listener<E>): () => void {
    let set = this.#listeners.get(type);
    if (!set) {
      set = new Set();
      this.#listeners.set(type, set);
    }
    set.add(listener);
    const listeners = set;
    return () => listeners.delete(listener);
  }

  /** Forgets every listener (iterators are unaffected). */
  clear(): void {
    this.#listeners.clear();
  }

  emit(event: E): void {
    if (this.#ended) return;
    if (this.#options.isFinal?.(event)) this.#ended = true;
    this.#call(this.#listeners.get(event.type), event);
    this.#call(this.#listeners.get("*"), event);
    if (this.#backlog) {
      if (this.#options.backlog === "bounded") this.#enqueue(this.#backlog, event);
      else if (this.#backlog.length < this.#maxPending) this.#backlog.push(event);
      else this.#abandonBacklog();
    }
    for (const reader of this.#readers) {
      this.#enqueue(reader.queue, event);
      reader.wake?.();
    }
  }

  /** No more events: iterators finish once they have read what is queued. */
  end(): void {
    this.#ended = true;
    for (const reader of this.#readers) reader.wake?.();
  }

  iterate(signal?: AbortSignal): AsyncIterableIterator<E> {
    const reader: Reader<E> = { queue: this.#backlog ?? [], wake: undefined, done: false };
    this.#backlog = undefined; // later iterators start from now
    this.#readers.add(reader);
    const finish = (): IteratorResult<E> => {
      reader.done = true;
      this.#readers.delete(reader);
      signal?.removeEventListener("abort", onAbort);
      reader.wake?.();
      return { done: true, value: undefined };
    };
    const onAbort = () => finish();
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted) finish();

    const iterator: AsyncIterableIterator<E> = {
      next: async () => {
        while (!reader.done) {
          const event = reader.queue.shift();
          if (event !== undefined) {
            if (this.#options.isFinal?.(event)) finish();
            return { done: false, value: event };
          }
          if (this.#ended) return finish();
          await new Promise<void>((resolve) => {
            reader.wake = resolve;
          });
          reader.wake = undefined;
        }
        return { done: true, value: undefined };
      },
      return: async () => finish(),
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Nobody iterated in time: forget what was kept for a first iterator, counting it. */
  #abandonBacklog(): void {
    const dropped = this.#backlog?.length ?? 0;
    this.#backlog = undefined;
    for (let i = 0; i <= dropped; i++) this.#options.onDrop?.();
  }

  #call(set: Set<Listener<E>> | undefined, event: E): void {
    if (!set) return;
    for (const listener of this.#options.snapshotListeners ? [...set] : set) {
      try {
        listener(event);
      } catch (error) {
        this.#options.onListenerError(error, event.type);
      }
    }
  }

  // Bounded: past the limit, drop the oldest bulk event; if there is none, the oldest event.
  #enqueue(queue: E[], event: E): void {
    queue.push(event);
    if (queue.length <= this.#maxPending) return;
    const isBulk = this.#options.isBulk;
    let index = isBulk ? queue.findIndex((e) => isBulk(e)) : 0;
    if (index < 0) index = 0;
    queue.splice(index, 1);
    this.#options.onDrop?.();
  }
}
