type Listener<E> = (event: E) => void;

/** Events waiting for one reader (or for the first one: the backlog), and what they weigh. */
interface Pending<E> {
  queue: E[];
  bytes: number;
}

interface Reader<E> extends Pending<E> {
  wake: (() => void) | undefined;
  done: boolean;
}

/** Events an iterator (or the backlog) holds by default before dropping. */
const DEFAULT_MAX_PENDING = 2000;
/** Bytes an iterator (or the backlog) holds by default, when events are weighed (`sizeOf`). */
export const DEFAULT_MAX_PENDING_BYTES = 8 * 1024 * 1024;

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
  /**
   * What an event holds in memory, roughly, in bytes. With it, every queue is also bounded by
   * `maxPendingBytes`: a few large events weigh as much as many small ones.
   */
  sizeOf?(event: E): number;
  /** Bytes an iterator (or the backlog) may hold; only with `sizeOf`. Default 8 MiB. */
  maxPendingBytes?: number;
  /** Dropped first when a reader falls behind: there is always a newer one. Default: none is. */
  isBulk?(event: E): boolean;
  /**
   * With this, events that are not bulk are never dropped: past `maxPending` only bulk events go
   * (oldest first), and a queue over `maxPendingBytes` with no bulk event left to drop calls
   * this, once, so the owner can end the stream (it must: nothing else bounds that reader).
   * Without it, the oldest event is dropped when no bulk one is left.
   */
  onOverflow?(): void;
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
  readonly #maxPendingBytes: number;
  readonly #listeners = new Map<string, Set<Listener<E>>>();
  readonly #readers = new Set<Reader<E>>();
  #backlog: Pending<E> | undefined = { queue: [], bytes: 0 };
  #ended = false;
  /** A queue is over its byte bound with nothing it may drop; `onOverflow` is told once. */
  #overflow: "no" | "pending" | "reported" = "no";

  constructor(options: EventHubOptions<E>) {
    this.#options = options;
    this.#maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    this.#maxPendingBytes = options.sizeOf ? (options.maxPendingBytes ?? DEFAULT_MAX_PENDING_BYTES) : Number.POSITIVE_INFINITY;
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
    const size = this.#options.sizeOf?.(event) ?? 0;
    const backlog = this.#backlog;
    if (backlog) {
      if (this.#options.backlog === "bounded") this.#enqueue(backlog, event, size);
      else if (backlog.queue.length < this.#maxPending && backlog.bytes + size <= this.#maxPendingBytes) {
        backlog.queue.push(event);
        backlog.bytes += size;
      } else this.#abandonBacklog();
    }
    for (const reader of this.#readers) {
      this.#enqueue(reader, event, size);
      reader.wake?.();
    }
    if (this.#overflow === "pending") {
      this.#overflow = "reported";
      this.#options.onOverflow?.();
    }
  }

  /** No more events: iterators finish once they have read what is queued. */
  end(): void {
    this.#ended = true;
    for (const reader of this.#readers) reader.wake?.();
  }

  iterate(signal?: AbortSignal): AsyncIterableIterator<E> {
    const reader: Reader<E> = { queue: this.#backlog?.queue ?? [], bytes: this.#backlog?.bytes ?? 0, wake: undefined, done: false };
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
            if (this.#options.sizeOf) reader.bytes -= this.#options.sizeOf(event);
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
    const dropped = this.#backlog?.queue.length ?? 0;
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

  /**
   * Bounded by count and bytes: past either, drop the oldest bulk events. With none left, a hub
   * with `onOverflow` keeps the event (flagging an overflow if the bytes are over), one without
   * drops the oldest event.
   */
  #enqueue(pending: Pending<E>, event: E, size: number): void {
    const queue = pending.queue;
    queue.push(event);
    pending.bytes += size;
    if (queue.length <= this.#maxPending && pending.bytes <= this.#maxPendingBytes) return;
    const { isBulk, sizeOf, onOverflow } = this.#options;
    let from = 0;
    while (queue.length > this.#maxPending || pending.bytes > this.#maxPendingBytes) {
      let index = -1;
      if (isBulk) {
        for (let i = from; i < queue.length; i++) {
          if (isBulk(queue[i]!)) {
            index = i;
            break;
          }
        }
      }
      if (index < 0) {
        if (onOverflow) {
          if (pending.bytes > this.#maxPendingBytes && this.#overflow === "no") this.#overflow = "pending";
          return;
        }
        index = 0;
      }
      const [dropped] = queue.splice(index, 1);
      if (sizeOf && dropped !== undefined) pending.bytes -= sizeOf(dropped);
      from = index;
      this.#options.onDrop?.();
    }
  }
}
