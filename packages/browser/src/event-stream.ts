/** Events an iterator (or the backlog) may hold before the oldest high-rate ones are dropped. */
const MAX_PENDING = 2000;
/** Dropped first when a reader falls behind: there is always a newer one. */
const HIGH_RATE = new Set(["audio-chunk", "level", "playback"]);

interface Reader<E> {
  queue: E[];
  wake: (() => void) | undefined;
  done: boolean;
}

/**
 * Fans events out to typed listeners and async iterators. The first iterator also gets what was
 * emitted before anyone iterated (a bounded backlog), so `for await` after `await ready` misses
 * nothing. A listener that throws is reported the way the DOM reports a throwing event listener
 * (`reportError`: the console, `window.onerror`), never rethrown into the emitter.
 */
export class EventStream<E extends { type: string }> {
  readonly #listeners = new Map<string, Set<(event: E) => void>>();
  readonly #readers = new Set<Reader<E>>();
  #backlog: E[] | undefined = [];
  #ended = false;

  on(type: string, listener: (event: E) => void): () => void {
    let set = this.#listeners.get(type);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(type, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  emit(event: E): void {
    if (this.#ended) return;
    for (const set of [this.#listeners.get(event.type), this.#listeners.get("*")]) {
      if (set === undefined) continue;
      for (const listener of [...set]) {
        try {
          listener(event);
        } catch (error) {
          reportListenerError(error);
        }
      }
    }
    if (this.#backlog !== undefined) push(this.#backlog, event);
    for (const reader of this.#readers) {
      push(reader.queue, event);
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
    this.#backlog = undefined;
    this.#readers.add(reader);
    const finish = (): IteratorResult<E> => {
      reader.done = true;
      this.#readers.delete(reader);
      signal?.removeEventListener("abort", finish);
      reader.wake?.();
      return { done: true, value: undefined };
    };
    signal?.addEventListener("abort", finish, { once: true });
    if (signal?.aborted) finish();
    const iterator: AsyncIterableIterator<E> = {
      next: async () => {
        while (!reader.done) {
          const event = reader.queue.shift();
          if (event !== undefined) return { done: false, value: event };
          if (this.#ended) return finish();
          await new Promise<void>((resolve) => {
            reader.wake = resolve;
          });
          reader.wake = undefined;
        }
        return { done: true, value: undefined };
      },
      return: async () => finish(),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}

function push<E extends { type: string }>(queue: E[], event: E): void {
  queue.push(event);
  if (queue.length <= MAX_PENDING) return;
  const index = queue.findIndex((e) => HIGH_RATE.has(e.type));
  queue.splice(index === -1 ? 0 : index, 1);
}

function reportListenerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === "function") report(error);
  else
    setTimeout(() => {
      throw error;
    });
}
