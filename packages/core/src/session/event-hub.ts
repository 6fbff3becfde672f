import type { InboundEvent, InboundEventType } from "../events/inbound.js";

type AnyListener = (event: InboundEvent) => void;

interface Reader {
  queue: InboundEvent[];
  wake: (() => void) | undefined;
  done: boolean;
}

export interface EventHubOptions {
  /** Events an iterator (or the backlog) may hold before the oldest audio is dropped. */
  maxPending: number;
  /** Keep events for the first iterator (false: listeners only, nothing kept). */
  backlog: boolean;
  onDrop(): void;
  /** A listener threw: reported, never rethrown into the socket's event loop. */
  onListenerError(error: unknown, type: string): void;
}

/**
 * Fans inbound events out to typed listeners and to async iterators. Until the first iterator
 * attaches, events are kept in a backlog it receives first, so an application that awaits
 * something between `connect()` and `for await` loses nothing. An application that only uses
 * listeners never iterates: once the backlog reaches `maxPending`, it is dropped whole and no
 * longer kept, so such a session pays nothing per event for it.
 */
export class EventHub {
  readonly #options: EventHubOptions;
  readonly #listeners = new Map<string, Set<AnyListener>>();
  readonly #readers = new Set<Reader>();
  #backlog: InboundEvent[] | undefined = [];
  #ended = false;

  constructor(options: EventHubOptions) {
    this.#options = options;
    if (!options.backlog) this.#backlog = undefined;
  }

  on(type: InboundEventType | "*", listener: AnyListener): () => void {
    let set = this.#listeners.get(type);
    if (!set) {
      set = new Set();
      this.#listeners.set(type, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  emit(event: InboundEvent): void {
    if (this.#ended) return;
    if (event.type === "session-ended") this.#ended = true;
    this.#call(this.#listeners.get(event.type), event);
    this.#call(this.#listeners.get("*"), event);
    if (this.#backlog) {
      if (this.#backlog.length < this.#options.maxPending) this.#backlog.push(event);
      else this.#abandonBacklog();
    }
    for (const reader of this.#readers) {
      this.#enqueue(reader.queue, event);
      reader.wake?.();
    }
  }

  iterate(signal?: AbortSignal): AsyncIterableIterator<InboundEvent> {
    const reader: Reader = { queue: this.#backlog ?? [], wake: undefined, done: false };
    this.#backlog = undefined; // later iterators start from now
    this.#readers.add(reader);
    const finish = (): IteratorResult<InboundEvent> => {
      reader.done = true;
      this.#readers.delete(reader);
      signal?.removeEventListener("abort", onAbort);
      reader.wake?.();
      return { done: true, value: undefined };
    };
    const onAbort = () => finish();
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted) finish();

    const iterator: AsyncIterableIterator<InboundEvent> = {
      next: async () => {
        while (!reader.done) {
          const event = reader.queue.shift();
          if (event) {
            if (event.type === "session-ended") finish();
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
    for (let i = 0; i <= dropped; i++) this.#options.onDrop();
  }

  #call(set: Set<AnyListener> | undefined, event: InboundEvent): void {
    if (!set) return;
    for (const listener of set) {
      try {
        listener(event);
      } catch (error) {
        this.#options.onListenerError(error, event.type);
      }
    }
  }

  // Bounded: past the limit, drop the oldest audio chunk (audio is the only bulk); if there is
  // none, the oldest event of any kind but the final one.
  #enqueue(queue: InboundEvent[], event: InboundEvent): void {
    queue.push(event);
    if (queue.length <= this.#options.maxPending) return;
    let index = queue.findIndex((e) => e.type === "audio-chunk");
    if (index < 0) index = 0;
    queue.splice(index, 1);
    this.#options.onDrop();
  }
}
