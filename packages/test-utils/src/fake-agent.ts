import type { DialectCapabilities, InboundEvent, InboundEventOf, Listener, Session, SessionAudio, SessionState, SessionStats } from "@voxwire/core";
import { NO_CAPABILITIES } from "@voxwire/core";

/*
 * An agent session in memory for phone-bridge tests: a test emits the agent's events and reads
 * what the bridge sent it (audio, digits, what was heard). Any carrier leg's tests share it.
 */

/** An agent session in memory: tests emit its events and read what the bridge sent it. */
export class FakeAgent implements Session {
  readonly dialect = "fake-agent";
  /** An agent that takes DTMF unless a test says otherwise. */
  capabilities: DialectCapabilities = { ...NO_CAPABILITIES, dtmfOut: true };
  readonly audio: SessionAudio;
  readonly ended: Promise<InboundEventOf<"session-ended">>;
  readonly received: Int16Array[] = [];
  readonly dtmf: string[] = [];
  closedWith: string | undefined;
  #state: SessionState = "open";
  #resolve!: (event: InboundEventOf<"session-ended">) => void;
  readonly #listeners = new Map<string, Set<(event: InboundEvent) => void>>();

  constructor(rates: { input: number; output: number } = { input: 8000, output: 8000 }) {
    this.audio = {
      wire: { outbound: { encoding: "pcm16", sampleRate: rates.input, frameMs: 20 }, inbound: { encoding: "pcm16", sampleRate: rates.output } },
      input: { sampleRate: rates.input },
      output: rates.output === 8000 ? { sampleRate: 8000, frameMs: 20 } : { sampleRate: rates.output },
    };
    this.ended = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  get state(): SessionState {
    return this.#state;
  }

  get stats(): SessionStats {
    return {
      framesIn: 0,
      bytesIn: 0,
      framesOut: 0,
      bytesOut: 0,
      audioFramesDropped: 0,
      eventsDropped: 0,
      queueDepth: 0,
      queuedAudioMs: 0,
      listenerErrors: 0,
    };
  }

  get listenerCount(): number {
    let n = 0;
    for (const set of this.#listeners.values()) n += set.size;
    return n;
  }

  emit(event: InboundEvent): void {
    if (this.#state === "closed") return;
    if (event.type === "session-ended") {
      this.#state = "closed";
      this.#resolve(event);
    }
    for (const key of [event.type, "*"]) for (const listener of this.#listeners.get(key) ?? []) listener(event);
  }

  on<T extends InboundEvent["type"] | "*">(type: T, listener: Listener<T>): () => void {
    let set = this.#listeners.get(type);
    if (!set) {
      set = new Set();
      this.#listeners.set(type, set);
    }
    const fn = listener as (event: InboundEvent) => void;
    set.add(fn);
    return () => this.#listeners.get(type)?.delete(fn);
  }

  /** Iterators opened (the bridge opens and closes one to release the backlog). */
  iterators = 0;

  events(): AsyncIterableIterator<InboundEvent> {
    this.iterators++;
    const done = async (): Promise<IteratorResult<InboundEvent>> => ({ done: true, value: undefined });
    const iterator: AsyncIterableIterator<InboundEvent> = { next: done, return: done, [Symbol.asyncIterator]: () => iterator };
    return iterator;
  }

  [Symbol.asyncIterator](): AsyncIterator<InboundEvent> {
    return this.events();
  }

  sendAudio(audio: Int16Array | Float32Array): void {
    this.received.push(Int16Array.from(audio as Int16Array));
  }

  sendDtmf(digit: string): void {
    this.dtmf.push(digit);
  }

  mark(): void {}

  clearPlayback(): void {}

  /** What the bridge reported as heard, per barge-in. */
  readonly heard: { turnId: string; heardMs: number }[] = [];

  sendText(): void {}

  sendToolResult(): void {}

  handleTools(): () => void {
    return () => {};
  }

  reportHeard(turnId: string, heardMs: number): void {
    this.heard.push({ turnId, heardMs });
  }

  update(): void {}

  async close(reason = "closed"): Promise<void> {
    if (this.#state === "closed") return;
    this.closedWith = reason;
    this.emit({ type: "session-ended", reason });
  }
}
