import {
  accept,
  base64Decode,
  base64Encode,
  closeEvents,
  type DialectCapabilities,
  defineDialect,
  httpError,
  type InboundEvent,
  type InboundEventOf,
  type Listener,
  NO_CAPABILITIES,
  pcm16FromBytes,
  pcm16ToBytes,
  type Session,
  type SessionAudio,
  type SessionState,
  type SessionStats,
} from "@voxwire/core";
import { FakeSocket } from "@voxwire/test-utils";

/*
 * A carrier leg no carrier speaks, so the bridge is tested on its own terms: JSON text, PCM16
 * (little-endian, base64) at any rate both ways, marks where asked for, flow control messages
 * the leg's flow signal reads.
 */
const NAME = "fake-carrier";

export function fakeLeg(options: { rate?: number; marks?: boolean } = {}) {
  const rate = options.rate ?? 16000;
  const capabilities: DialectCapabilities = { ...NO_CAPABILITIES, clearOut: true, marks: options.marks ?? true, dtmfIn: true };
  const format = { encoding: "pcm16", sampleRate: rate, frameMs: 20 } as const;
  const dialect = defineDialect({
    name: NAME,
    role: "server",
    capabilities,
    prepare: () => ({ kind: "plan", plan: { url: "/fake", audio: { outbound: format, inbound: format }, secrets: [] } }),
    createCodec() {
      let started = false;
      return {
        get ready() {
          return started;
        },
        decode(frame) {
          const m = JSON.parse(frame as string) as Record<string, string>;
          switch (m.t) {
            case "start":
              started = true;
              return [
                { type: "session-started", ids: { callId: m.call ?? "", streamId: "S1" }, metadata: { customParameters: { k: "v" } }, raw: frame },
              ];
            case "audio":
              return [{ type: "audio-chunk", audio: pcm16FromBytes(base64Decode(m.pcm!)), sampleRate: rate, raw: frame }];
            case "mark":
              return [{ type: "mark-played", name: m.name!, raw: frame }];
            case "stop":
              return [{ type: "session-ended", reason: "stop", raw: frame }];
            default:
              return [{ type: "passthrough", name: m.t ?? "", payload: m, raw: frame }];
          }
        },
        encode(event) {
          if (event.type === "audio-append") return [JSON.stringify({ t: "audio", pcm: base64Encode(pcm16ToBytes(event.audio)) })];
          if (event.type === "mark") return [JSON.stringify({ t: "mark", name: event.name })];
          if (event.type === "playback-clear") return ['{"t":"clear"}'];
          return [];
        },
        close: (code, reason) => closeEvents(code, reason, NAME),
        upgradeRejected: (status, body) => httpError(status, body, NAME),
      };
    },
  });
  const socket = new FakeSocket(undefined, { open: true });
  const session = accept(dialect, socket);
  let read = 0;
  return {
    session,
    socket,
    /** The carrier sends one message. */
    send(message: Record<string, unknown>): void {
      socket.receive(JSON.stringify(message));
    },
    start(): void {
      this.send({ t: "start", call: "C1" });
    },
    audio(samples: Int16Array): void {
      this.send({ t: "audio", pcm: base64Encode(pcm16ToBytes(samples)) });
    },
    /** What was sent to the carrier since the last call. */
    fresh(): Record<string, string>[] {
      const frames = socket.sent.slice(read);
      read = socket.sent.length;
      return frames.map((f) => JSON.parse(f as string) as Record<string, string>);
    },
  };
}

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
