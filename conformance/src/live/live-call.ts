import { type AgentConfig, type ConnectOptions, connect, type Dialect, type InboundEvent, type Session } from "@voxwire/core";
import { CONFORMANCE_AGENT, conformanceToolAnswer } from "./conformance-agent.js";
import { WireTap } from "./wire-tap.js";

/** A tool call the call answered by itself: what it sent back, and when (tap clock). */
export interface ToolAnswer {
  readonly callId: string;
  readonly name: string;
  readonly output: unknown;
  readonly isError: boolean;
  readonly atMs: number;
}

/** An event as the scenario saw it, with the ms since the tap began. */
export interface TimedEvent {
  readonly event: InboundEvent;
  readonly atMs: number;
}

export interface LiveCallOptions {
  /** The rate the scenario's audio is made at (the session resamples to the wire). */
  appRate: number;
  /** Deadlines for the bootstrap call and the socket's open. */
  stepMs: number;
  signal?: AbortSignal;
  /** Audio the session may hold while the socket is busy (fast mode sends seconds at once). */
  maxQueuedAudioMs?: number;
  /** A tap made by the caller, to see the wire of a call that never opens. */
  tap?: WireTap;
  /**
   * The `agent` option to connect with, or null for none. Default: the conformance agent
   * (instructions, the conformance tool, server turn detection) where the dialect has `sessionConfig`.
   */
  agent?: AgentConfig | null;
}

/**
 * One session opened for a scenario: `connect()` with a wire tap, every event logged with its
 * time, and the waits a scenario needs, each with a deadline (nothing here can hang). Where the
 * dialect has `toolCalls`, every `tool-call` is answered at once (the conformance tool's output,
 * an error result for any other tool), so no scenario waits on a vendor waiting for a result.
 */
export class LiveCall {
  readonly dialect: Dialect;
  readonly tap: WireTap;
  readonly session: Session;
  readonly events: TimedEvent[] = [];
  /** The tool calls answered, in order. */
  readonly toolAnswers: ToolAnswer[] = [];
  /** When connect() was called and when it resolved (the socket open), ms on the tap's clock. */
  readonly dialedAtMs: number;
  readonly openedAtMs: number;
  readonly #waiters = new Set<() => void>();

  private constructor(dialect: Dialect, tap: WireTap, session: Session, dialedAtMs: number) {
    this.dialect = dialect;
    this.tap = tap;
    this.session = session;
    this.dialedAtMs = dialedAtMs;
    this.openedAtMs = tap.now();
    session.on("*", (event) => {
      this.events.push({ event, atMs: tap.now() });
      for (const wake of this.#waiters) wake();
    });
    if (dialect.capabilities.toolCalls) {
      session.on("tool-call", ({ callId, name }) => {
        if (this.ended || callId === "") return;
        const { output, isError } = conformanceToolAnswer(name);
        session.sendToolResult(callId, output, isError ? { isError } : {});
        this.toolAnswers.push({ callId, name, output, isError, atMs: tap.now() });
      });
    }
  }

  /** Dials `dialect`; rejects with the session's typed error when it cannot open. */
  static async open(dialect: Dialect, options: LiveCallOptions): Promise<LiveCall> {
    const tap = options.tap ?? new WireTap();
    const dialedAtMs = tap.now();
    const agent = options.agent === undefined ? (dialect.capabilities.sessionConfig ? CONFORMANCE_AGENT : null) : options.agent;
    const connectOptions: ConnectOptions = {
      input: { sampleRate: options.appRate },
      WebSocket: tap.WebSocket,
      fetch: tap.fetch(),
      timeouts: { bootstrapMs: options.stepMs, openMs: options.stepMs },
      readyTimeoutMs: options.stepMs,
      // The scenarios watch the handshake on the wire, refusals included, so they take the
      // session at the open socket; bad-credential also checks that the default rejects.
      resolveOn: "open",
      queue: { maxAudioMs: options.maxQueuedAudioMs ?? 10_000 },
      ...(agent ? { agent } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    const session = await connect(dialect, connectOptions);
    return new LiveCall(dialect, tap, session, dialedAtMs);
  }

  /** Events of one type, in order. */
  of<T extends InboundEvent["type"]>(type: T): { event: Extract<InboundEvent, { type: T }>; atMs: number }[] {
    return this.events.filter((e) => e.event.type === type) as { event: Extract<InboundEvent, { type: T }>; atMs: number }[];
  }

  /** The first logged event (from `fromMs` on) that matches, or undefined after `timeoutMs`. */
  async waitFor(match: (event: InboundEvent) => boolean, timeoutMs: number, fromMs = 0): Promise<TimedEvent | undefined> {
    const find = () => this.events.find((e) => e.atMs >= fromMs && match(e.event));
    return this.#until(find, timeoutMs);
  }

  /** Waits until no `type` event has arrived for `quietMs` (after at least one), or `timeoutMs`. */
  async quiet(type: InboundEvent["type"], quietMs: number, timeoutMs: number): Promise<number | undefined> {
    const deadline = this.tap.now() + timeoutMs;
    for (;;) {
      const last = this.of(type).at(-1)?.atMs;
      const now = this.tap.now();
      if (last !== undefined && now - last >= quietMs) return last;
      if (now >= deadline || this.ended) return last;
      await sleep(Math.min(quietMs / 4, 50));
    }
  }

  /** True once the session has ended. */
  get ended(): boolean {
    return this.session.state === "closed";
  }

  /**
   * Sends application audio in 20 ms chunks: at real time when `paced` (as a microphone does),
   * else all at once. Resolves with the tap time of the first chunk handed to the session.
   */
  async stream(samples: Int16Array, paced: boolean, signal?: AbortSignal): Promise<number> {
    const chunk = Math.round((this.session.audio.input.sampleRate * 20) / 1000);
    const start = this.tap.now();
    for (let i = 0, n = 0; i < samples.length; i += chunk, n++) {
      if (this.ended || signal?.aborted) break;
      if (paced) {
        const wait = start + n * 20 - this.tap.now();
        if (wait > 0) await sleep(wait);
      }
      this.session.sendAudio(samples.subarray(i, i + chunk));
    }
    return start;
  }

  /** Closes the session; resolves with how long the end took, or undefined when it did not end in time. */
  async close(timeoutMs: number): Promise<number | undefined> {
    const start = this.tap.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ended = await Promise.race([
      this.session.close().then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    return ended ? this.tap.now() - start : undefined;
  }

  async #until<T>(find: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const found = find();
    if (found !== undefined || this.ended) return found;
    return new Promise((resolve) => {
      const wake = () => {
        const hit = find();
        if (hit === undefined && !this.ended) return;
        this.#waiters.delete(wake);
        clearTimeout(timer);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(wake);
        resolve(find());
      }, timeoutMs);
      this.#waiters.add(wake);
    });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
