import type { AudioPipeline } from "../audio/index.js";
import type { ConnectPlan, Dialect, DialectCodec } from "../dialect/current.js";
import { errorEvent } from "../dialect-kit/error-event.js";
import { AbortedError, BacklogOverflowError, ClosedError, ConfigError, NetworkError, ProtocolError, TimeoutError } from "../errors/error-classes.js";
import type { VoxwireError } from "../errors/voxwire-error.js";
import type { AgentConfig } from "../events/agent-config.js";
import type { InboundEvent, InboundEventOf } from "../events/inbound.js";
import type { OutboundEvent } from "../events/outbound.js";
import { isDtmfDigit } from "../events/schema-helpers.js";
import type { WireFrame } from "../events/wire-frame.js";
import { redactThenCut, type SecretSet } from "../secrets/redact.js";
import { DEFAULT_MAX_PENDING_BYTES, type EventHub } from "./event-hub.js";
import { inboundEventBytes, inboundEventHub } from "./inbound-event-hub.js";
import { type Logger, scopedLogger, silentLogger } from "./logger.js";
import { OutboundQueue } from "./outbound-queue.js";
import { backoffMs, dropIsRetryable, type ReconnectPolicy, reconnectPolicy } from "./reconnect-policy.js";
import { safeCause } from "./safe-cause.js";
import type { SessionAudioPlan } from "./session-audio.js";
import { sessionLimitWarning } from "./session-limit.js";
import { dispatchTools, type ToolHandlers } from "./tool-handlers.js";
import type { Listener, Session, SessionAudio, SessionOptions, SessionState, SessionStats } from "./types.js";
import { watchUpgradeRejection } from "./upgrade-rejection.js";
import { DEFAULT_MAX_MESSAGE_BYTES, toBytes, type WebSocketLike, WS_CLOSED, WS_OPEN } from "./websocket.js";

/** How long `close()` waits for queued frames to leave, then for the peer's close frame. */
const CLOSE_DRAIN_MS = 2000;
/** How often a backed-up socket is re-checked; sockets have no "drained" event. */
const BACKPRESSURE_RETRY_MS = 10;
/** How long an open socket may wait for the dialect to be ready (a first-message handshake). */
const DEFAULT_READY_TIMEOUT_MS = 10_000;
/** No message from the peer for this long ends the session (`peer_inactive`), unless the plan says otherwise. */
const DEFAULT_INACTIVITY_MS = 60_000;
/** A WebSocket ping this often, where the socket can send one (`ws`). */
const DEFAULT_PING_INTERVAL_MS = 20_000;
/** A ping unanswered for this long is a half-open connection (`pong_timeout`). */
const DEFAULT_PONG_TIMEOUT_MS = 10_000;
/** After our close frame, a peer that has not closed the TCP connection by then is dropped. */
const CLOSE_HANDSHAKE_MS = 2000;
/** Close reasons are capped at 123 UTF-8 bytes by RFC 6455 (a close payload is at most 125). */
const MAX_CLOSE_REASON_BYTES = 123;
/** A refused upgrade's body (read up to 8 KiB by upgrade-rejection.ts) is redacted, then cut to this. */
const MAX_ERROR_BODY_CHARS = 2000;

/**
 * One connection of a session: what a dial produces. The socket is made by `openSocket()` only
 * when the session can take its events in the same turn: a socket may open, or fail, on the next
 * microtask, and an event nobody listened to is lost.
 */
export interface SessionConnection {
  plan: ConnectPlan;
  codec: DialectCodec;
  openSocket: () => WebSocketLike;
}

export interface LiveSessionInit {
  plan: ConnectPlan;
  codec: DialectCodec;
  socket: WebSocketLike;
  dialect: Dialect;
  /** Dials again for a reconnect (prepare, bootstrap, socket), handing the codec `resume`. Client role only. */
  redial?: (resume: unknown) => Promise<SessionConnection>;
  secrets: SecretSet;
  options: SessionOptions;
  audio: SessionAudioPlan;
  /** A server-role session wraps a socket that is already open. */
  alreadyOpen: boolean;
}

/** What the application iterates, and whether leaving the loop leaves the session open. */
export interface EventsOptions {
  /** Ends the iteration (not the session) when it fires. */
  signal?: AbortSignal;
  /** Leaving a `for await` loop (break, return, throw) closes the session unless this is true. */
  keepOpen?: boolean;
}

/**
 * One session over one socket: feeds received frames through the dialect's codec and the audio
 * pipeline to the application, and the application's audio and commands through the pipeline,
 * the codec and the bounded queue to the socket. All socket events are handled here; nothing
 * a listener or a peer does can throw out of a socket callback.
 */
export class LiveSession implements Session {
  readonly dialect: string;
  readonly capabilities: Dialect["capabilities"];
  readonly audio: SessionAudio;
  /** Resolves when the socket is open; rejects with a typed error if it never opens. */
  readonly opened: Promise<void>;
  /**
   * Resolves when the session is live: the dialect is ready and the peer said `session-started`.
   * Rejects with the typed error when the peer refuses first (a fatal error, a close), or with a
   * `TimeoutError` past `readyTimeoutMs`.
   */
  readonly live: Promise<void>;
  readonly ended: Promise<InboundEventOf<"session-ended">>;

  readonly #dialect: Dialect;
  // A reconnect replaces all three; everything else lives as long as the session.
  #plan: ConnectPlan;
  #codec: DialectCodec;
  #socket: WebSocketLike;
  readonly #redial: LiveSessionInit["redial"];
  readonly #reconnectPolicy: ReconnectPolicy | undefined;
  /** The latest `resumeState()` the codec gave, for the next connection. */
  #resumeState: unknown;
  /** Set while a dropped connection is being replaced. */
  #reconnect: { attempt: number; since: number; resumed: boolean } | undefined;
  /** Connections opened so far; from the second on, the vendor's start events are not repeated. */
  #connections = 1;
  /** The close that comes next is one the session asked for to resume (after session-expiring). */
  #resumeRequested = false;
  /** The keepalive of the current connection. */
  #keepaliveTimer: ReturnType<typeof setInterval> | undefined;
  readonly #secrets: SecretSet;
  readonly #log: Logger;
  readonly #hub: EventHub<InboundEvent>;
  readonly #queue: OutboundQueue<OutboundEvent>;
  readonly #toWire: AudioPipeline;
  readonly #fromWire: AudioPipeline | undefined;
  readonly #stats: SessionStats = {
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
  readonly #warned = new Set<string>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #state: SessionState | "connecting" | "reconnecting";
  #localCloseReason: string | undefined;
  #resolveOpened!: () => void;
  #rejectOpened!: (error: VoxwireError) => void;
  #resolveEnded!: (event: InboundEventOf<"session-ended">) => void;
  #openError: string | undefined;
  #detachSignal: (() => void) | undefined;
  #cancelReadyDeadline: (() => void) | undefined;
  /**
   * Events held until the application has had a turn to attach listeners (see #openGate), with
   * their weight: a peer that floods before the session is live cannot grow it past the
   * iterators' byte bound.
   */
  #gate: InboundEvent[] | undefined = [];
  #gateBytes = 0;
  /** The end, while it waits behind the gate with the events before it. */
  #endedBehindGate: InboundEventOf<"session-ended"> | undefined;
  readonly #maxPendingBytes: number;
  #resolveLive!: () => void;
  #rejectLive!: (error: VoxwireError) => void;
  #isLive = false;
  #sawStarted = false;
  /** The first fatal error before the session was live: what connect() rejects with. */
  #refusal: VoxwireError | undefined;
  /** The socket's own error while opening (ECONNREFUSED …), kept as the cause. */
  #openErrorCause: unknown;
  readonly #readyTimeoutMs: number;
  readonly #maxMessageBytes: number;
  readonly #inactivityMs: number;
  readonly #pingIntervalMs: number;
  readonly #pongTimeoutMs: number;
  /** When the peer last sent a message (Date.now()); set per message, read by the liveness tick only. */
  #lastHeardAt = 0;
  #lastPingAt = 0;
  /** When the unanswered ping went out; 0 when none is outstanding. */
  #pingSentAt = 0;
  /** When audio last went out (Date.now()), for a keepalive sent only while idle. */
  #lastAudioSentAt = 0;

  constructor(init: LiveSessionInit) {
    const { dialect, plan, codec, socket, secrets, options } = init;
    this.dialect = dialect.name;
    this.capabilities = dialect.capabilities;
    this.#dialect = dialect;
    this.#plan = plan;
    this.#codec = codec;
    this.#socket = socket;
    this.#redial = init.redial;
    this.#reconnectPolicy = init.redial ? reconnectPolicy(options.reconnect, dialect.capabilities.resumption === true) : undefined;
    this.#secrets = secrets;
    this.#log = scopedLogger(options.logger ?? silentLogger, dialect.name, (text) => secrets.redact(text));
    this.#state = init.alreadyOpen ? "open" : "connecting";
    this.#readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
    this.#maxMessageBytes = maxMessageBytes(plan, options);
    this.#inactivityMs = options.inactivityTimeoutMs ?? plan.inactivityMs ?? DEFAULT_INACTIVITY_MS;
    this.#pingIntervalMs = options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
    this.#pongTimeoutMs = options.pongTimeoutMs ?? DEFAULT_PONG_TIMEOUT_MS;

    this.audio = init.audio.formats;
    this.#toWire = init.audio.toWire;
    this.#fromWire = init.audio.fromWire;

    const maxPendingBytes = options.maxPendingEventBytes ?? DEFAULT_MAX_PENDING_BYTES;
    this.#maxPendingBytes = maxPendingBytes;
    this.#hub = inboundEventHub({
      maxPending: options.maxPendingEvents ?? 2000,
      maxPendingBytes,
      // Control events are never dropped; a reader that holds this much of them ends the session.
      onOverflow: () => this.#backlogOverflow(maxPendingBytes),
      backlog: (options.backlog ?? true) ? "until-full" : false,
      onDrop: () => this.#stats.eventsDropped++,
      onListenerError: (error, type) => {
        this.#stats.listenerErrors++;
        this.#log.error(`a "${type}" listener threw: ${error instanceof Error ? error.message : String(error)}`);
      },
    });
    this.#queue = new OutboundQueue({
      maxAudioMs: options.queue?.maxAudioMs ?? 1000,
      highWaterBytes: options.queue?.highWaterBytes ?? 64 * 1024,
      // Encoded when sent, not when queued: a codec that learns state from the peer (Twilio's
      // streamSid, a token-first handshake) only ever encodes once the peer is ready.
      send: (event) => {
        for (const frame of this.#encode(event)) this.#send(frame);
      },
      bufferedAmount: () => this.#socket.bufferedAmount,
      canSend: () => (this.#state === "open" || this.#state === "closing") && this.#codec.ready,
      retryLater: (pump) => this.#after(BACKPRESSURE_RETRY_MS, pump),
      onDrop: () => this.#stats.audioFramesDropped++,
    });

    this.opened = new Promise<void>((resolve, reject) => {
      this.#resolveOpened = resolve;
      this.#rejectOpened = reject;
    });
    this.opened.catch(() => {}); // connect() reports it; an unobserved rejection must not crash a process
    this.live = new Promise<void>((resolve, reject) => {
      this.#resolveLive = resolve;
      this.#rejectLive = reject;
    });
    this.live.catch(() => {});
    this.ended = new Promise((resolve) => {
      this.#resolveEnded = resolve;
    });

    this.#adopt(socket);
    if (init.alreadyOpen) {
      this.#sendOpeningFrames();
      this.#resolveOpened();
      this.#awaitReady();
      this.#watchLiveness();
      this.openGateSoon();
    }

    const signal = options.signal;
    if (signal) {
      const onAbort = () => {
        const error = new AbortedError("aborted by the caller's signal", { dialect: this.dialect, cause: signal.reason });
        if (this.#state === "connecting") this.abortOpen(error);
        else {
          this.#failLive(error);
          void this.close("aborted");
        }
      };
      signal.addEventListener("abort", onAbort, { once: true });
      this.#detachSignal = () => signal.removeEventListener("abort", onAbort);
    }
  }

  get state(): SessionState {
    // An end still behind the gate reads "closing": the application has not been told yet.
    if (this.#endedBehindGate) return "closing";
    return this.#state === "connecting" || this.#state === "reconnecting" ? "open" : this.#state;
  }

  get stats(): Readonly<SessionStats> {
    return { ...this.#stats, queueDepth: this.#queue.depth, queuedAudioMs: this.#queue.audioMs };
  }

  events(options: EventsOptions = {}): AsyncIterableIterator<InboundEvent> {
    const inner = this.#hub.iterate(options.signal);
    if (options.keepOpen) return inner;
    // A `for await` left early calls return(): the loop was the session's owner, so it closes.
    const done = (value?: unknown): Promise<IteratorResult<InboundEvent>> => {
      if (this.#state === "open" || this.#state === "connecting") void this.close("closed");
      return inner.return ? inner.return(value) : Promise.resolve({ done: true, value: undefined });
    };
    const outer: AsyncIterableIterator<InboundEvent> = {
      next: () => inner.next(),
      return: done,
      [Symbol.asyncIterator]: () => outer,
    };
    return outer;
  }

  [Symbol.asyncIterator](): AsyncIterator<InboundEvent> {
    return this.events();
  }

  on<T extends InboundEventType | "*">(type: T, listener: Listener<T>): () => void {
    return this.#hub.on(type, listener as (event: InboundEvent) => void);
  }

  sendAudio(audio: Int16Array | Float32Array): void {
    if (!(audio instanceof Int16Array) && !(audio instanceof Float32Array)) {
      throw new ConfigError("sendAudio takes an Int16Array or a Float32Array of mono samples", { dialect: this.dialect });
    }
    if (!this.#accepting("sendAudio")) return;
    this.#toWire.push(audio, (frame) => this.#enqueueAudio(frame));
  }

  sendDtmf(digit: string, durationMs?: number): void {
    if (!isDtmfDigit(digit)) {
      throw new ConfigError(`"${String(digit).slice(0, 8)}" is not a DTMF digit (0-9, *, #, A-D)`, { dialect: this.dialect });
    }
    if (!this.#capable("dtmfOut", "sendDtmf")) return;
    if (!this.#accepting("sendDtmf")) return;
    this.#enqueueCommand(durationMs === undefined ? { type: "dtmf-send", digit } : { type: "dtmf-send", digit, durationMs });
  }

  mark(name: string): void {
    if (typeof name !== "string" || name.length === 0) {
      throw new ConfigError("a mark needs a non-empty name", { dialect: this.dialect });
    }
    if (!this.#capable("marks", "mark")) return;
    if (!this.#accepting("mark")) return;
    this.#enqueueCommand({ type: "mark", name });
  }

  clearPlayback(): void {
    if (!this.#accepting("clearPlayback")) return;
    this.#toWire.reset();
    this.#stats.audioFramesDropped += this.#queue.dropAudio();
    if (this.#capable("clearOut", "clearPlayback")) this.#enqueueCommand({ type: "playback-clear" });
  }

  sendText(text: string): void {
    if (typeof text !== "string" || text.length === 0) {
      throw new ConfigError("sendText takes a non-empty string", { dialect: this.dialect });
    }
    if (!this.#capable("textInput", "sendText")) return;
    if (!this.#accepting("sendText")) return;
    this.#enqueueCommand({ type: "text-send", text });
  }

  sendToolResult(callId: string, output: unknown, options: { isError?: boolean } = {}): void {
    if (typeof callId !== "string" || callId.length === 0) {
      throw new ConfigError("sendToolResult needs the call's id (the tool-call event's callId)", { dialect: this.dialect });
    }
    if (!this.#capable("toolCalls", "sendToolResult")) return;
    if (!this.#accepting("sendToolResult")) return;
    this.#enqueueCommand(options.isError ? { type: "tool-result", callId, output, isError: true } : { type: "tool-result", callId, output });
  }

  handleTools(handlers: ToolHandlers): () => void {
    if (typeof handlers !== "object" || handlers === null) {
      throw new ConfigError("handleTools takes an object of handlers by tool name", { dialect: this.dialect });
    }
    this.#capable("toolCalls", "handleTools");
    return dispatchTools(this, handlers);
  }

  reportHeard(turnId: string, heardMs: number): void {
    if (typeof turnId !== "string" || turnId.length === 0 || !Number.isFinite(heardMs) || heardMs < 0) {
      throw new ConfigError("reportHeard takes a turn id and the heard milliseconds (a finite number ≥ 0)", { dialect: this.dialect });
    }
    // The browser kit and the phone bridge report on every barge-in: a dialect that cannot
    // truncate drops it without a warning.
    if (!this.#dialect.capabilities.truncation || !this.#accepting("reportHeard")) return;
    this.#enqueueCommand({ type: "playback-heard", turnId, heardMs: Math.round(heardMs) });
  }

  update(agent: AgentConfig): void {
    if (typeof agent !== "object" || agent === null) {
      throw new ConfigError("update takes the agent configuration to change", { dialect: this.dialect });
    }
    if (!this.#capable("sessionUpdate", "update")) return;
    if (!this.#accepting("update")) return;
    this.#enqueueCommand({ type: "session-update", agent });
  }

  async close(reason = "closed"): Promise<void> {
    if (this.#state === "connecting") {
      this.abortOpen();
      return;
    }
    if (this.#state === "reconnecting") {
      // Nothing to drain into: the replacement is not up. End now and drop what is dialing.
      this.#localCloseReason = reason;
      this.#end({ type: "session-ended", reason });
      this.#terminate();
      return;
    }
    if (this.#state !== "open") {
      await this.ended;
      return;
    }
    this.#state = "closing";
    this.#localCloseReason = reason;
    this.#toWire.flush((frame) => this.#enqueueAudio(frame), { pad: true });
    this.#enqueueCommand({ type: "session-stop", reason });
    // A dialect that never became ready can never drain its queue: do not wait on it.
    if (this.#codec.ready) {
      await this.#waitFor(() => this.#queue.depth === 0 && this.#socket.bufferedAmount === 0, CLOSE_DRAIN_MS);
    }
    if (this.#socket.readyState !== WS_CLOSED) {
      try {
        this.#socket.close(1000, utf8Prefix(reason, MAX_CLOSE_REASON_BYTES));
      } catch {
        this.#socket.close();
      }
    }
    const closedInTime = await this.#waitFor(() => this.#state === "closed", CLOSE_DRAIN_MS);
    if (!closedInTime) {
      this.#end({ type: "session-ended", reason, code: 1000 });
      // A peer that never answers our close would hold the TCP connection (ws waits 30 s).
      this.#terminate();
    }
  }

  /** Gives up on a socket that has not opened (deadline, abort). */
  abortOpen(error?: VoxwireError): void {
    if (this.#state !== "connecting") return;
    this.#state = "closed";
    const reason = error ?? new NetworkError("the connection was abandoned before it opened", { dialect: this.dialect });
    this.#rejectOpened(reason);
    this.#rejectLive(reason);
    this.#release();
    try {
      const terminate = (this.#socket as { terminate?: () => void }).terminate;
      if (terminate) terminate.call(this.#socket);
      else this.#socket.close();
    } catch {
      // already gone
    }
  }

  toJSON(): Record<string, unknown> {
    return { dialect: this.dialect, state: this.state, audio: this.audio, stats: this.stats };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): Record<string, unknown> {
    return this.toJSON();
  }

  // --- socket events ---------------------------------------------------------------------

  #onOpen(): void {
    if (this.#state === "reconnecting") {
      for (const frame of this.#plan.firstFrames ?? []) this.#send(frame);
      this.#sendOpeningFrames();
      this.#lastHeardAt = Date.now();
      if (this.#codec.ready) this.#reconnected();
      return;
    }
    if (this.#state !== "connecting") return;
    this.#state = "open";
    for (const frame of this.#plan.firstFrames ?? []) this.#send(frame);
    this.#sendOpeningFrames();
    this.#resolveOpened();
    this.#awaitReady();
    this.#watchLiveness();
    this.#queue.pump();
  }

  /**
   * Frames are decoded as they arrive (replies and the ready gate cannot wait), but the events
   * wait behind a gate: `connect()` resolves only once the session is live, and the application
   * attaches its listeners in its continuation after that. The gate opens on the next macrotask,
   * which runs after that continuation, so no listener misses `session-started` and friends.
   */
  openGateSoon(): void {
    // Not one of #timers: a session that ends in this same turn still delivers what it held.
    setTimeout(() => {
      const held = this.#gate ?? [];
      this.#gate = undefined;
      this.#gateBytes = 0;
      // The state reads closed from the session-ended event on, and `ended` resolves after it,
      // as if nothing had been held.
      const ended = this.#endedBehindGate;
      for (const event of held) {
        if (event.type === "session-ended") this.#endedBehindGate = undefined;
        this.#hub.emit(event);
      }
      this.#endedBehindGate = undefined;
      if (ended) this.#resolveEnded(ended);
    }, 0);
  }

  #emit(event: InboundEvent): void {
    if (!this.#isLive) this.#observeBeforeLive(event);
    const gate = this.#gate;
    if (gate === undefined) {
      this.#hub.emit(event);
      return;
    }
    gate.push(event);
    this.#gateBytes += inboundEventBytes(event);
    if (this.#gateBytes > this.#maxPendingBytes && event.type !== "session-ended") this.#backlogOverflow(this.#maxPendingBytes);
  }

  /** Before the session is live: a start makes it live, a refusal or an end fails it. */
  #observeBeforeLive(event: InboundEvent): void {
    if (event.type === "session-started") this.#sawStarted = true;
    else if (event.type === "error" && event.fatal) this.#refusal ??= event.error ?? new ClosedError(event.message, { dialect: this.dialect });
    else if (event.type === "session-ended") {
      this.#failLive(
        this.#refusal ??
          new ClosedError(`the peer ended the session before it started (${event.reason}${event.code ? `, close ${event.code}` : ""})`, {
            dialect: this.dialect,
          }),
      );
    }
  }

  /** Resolves `live` once the dialect is ready and the peer has started the session. */
  #checkLive(): void {
    if (this.#isLive || !this.#sawStarted || !this.#codec.ready || this.#state !== "open") return;
    this.#isLive = true;
    this.#resolveLive();
  }

  #failLive(error: VoxwireError): void {
    if (this.#isLive) return;
    this.#isLive = true;
    this.#rejectLive(error);
  }

  /**
   * Starts the deadline for a dialect that is not ready yet (its handshake reply), and for the
   * session to go live (what `connect()` waits on; a session nobody waits on is not ended by it).
   */
  #awaitReady(): void {
    if (!this.#codec.ready) {
      this.#cancelReadyDeadline = this.#after(this.#readyTimeoutMs, () => {
        if (this.#codec.ready || this.#state !== "open") return;
        const error = new TimeoutError(`the peer did not finish its handshake within ${this.#readyTimeoutMs} ms (readyTimeoutMs)`, {
          dialect: this.dialect,
        });
        this.#failLive(error);
        this.#emit(errorEvent(error));
        this.#end({ type: "session-ended", reason: error.code });
      });
    }
    this.#after(this.#readyTimeoutMs, () => {
      if (this.#isLive) return;
      this.#failLive(
        new TimeoutError(`the peer did not start the session within ${this.#readyTimeoutMs} ms (readyTimeoutMs)`, { dialect: this.dialect }),
      );
    });
  }

  /**
   * The codec's opening frames (a setup message), then the timers the dialect declared: its
   * keepalive and the warning before a connection limit it knows.
   */
  #sendOpeningFrames(): void {
    for (const frame of this.#guarded("open", () => this.#codec.open?.() ?? [])) this.#send(frame);
    const keepalive = this.#codec.keepalive;
    if (this.#keepaliveTimer !== undefined) {
      clearInterval(this.#keepaliveTimer);
      this.#timers.delete(this.#keepaliveTimer);
      this.#keepaliveTimer = undefined;
    }
    if (keepalive && keepalive.intervalMs > 0) {
      const timer = setInterval(() => {
        if (this.#state !== "open" || this.#socket.readyState !== WS_OPEN) return;
        if (keepalive.whileIdleOnly && Date.now() - this.#lastAudioSentAt < keepalive.intervalMs) return;
        for (const frame of this.#guarded("keepalive", () => keepalive.frames())) this.#send(frame);
      }, keepalive.intervalMs);
      this.#timers.add(timer);
      this.#keepaliveTimer = timer;
    }
    const maxSessionMs = this.#plan.maxSessionMs;
    if (maxSessionMs !== undefined && maxSessionMs > 0 && Number.isFinite(maxSessionMs)) {
      const { afterMs, inMs } = sessionLimitWarning(maxSessionMs);
      const connection = this.#connections;
      this.#after(afterMs, () => {
        if (this.#state === "open" && this.#connections === connection) this.#deliver({ type: "session-expiring", inMs });
      });
    }
  }

  /** Frames the codec owes the peer after a decode (a `pong`): sent at once, ready or not. */
  #sendReplies(): void {
    if (!this.#codec.takeReplies) return;
    for (const frame of this.#guarded("takeReplies", () => this.#codec.takeReplies?.() ?? [])) this.#send(frame);
  }

  /** A codec member that throws must not take the session down: the error becomes an event. */
  #guarded(member: string, run: () => WireFrame[]): WireFrame[] {
    return this.#guardedValue(member, run) ?? [];
  }

  #guardedValue<T>(member: string, run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.#emit(errorEvent(new ProtocolError(`the ${this.dialect} codec threw in ${member}(): ${why}`, { dialect: this.dialect })));
      return undefined;
    }
  }

  #onMessage(data: unknown): void {
    if (this.#state === "closed") return;
    const frame: WireFrame | undefined = typeof data === "string" ? data : toBytes(data);
    if (frame === undefined) {
      this.#deliver(errorEvent(new ProtocolError("received a message that is neither text nor binary", { dialect: this.dialect })));
      return;
    }
    const size = typeof frame === "string" ? frame.length : frame.byteLength;
    this.#stats.framesIn++;
    this.#stats.bytesIn += size;
    this.#lastHeardAt = Date.now();
    // `ws` as our client enforces this before buffering; an accepted socket or the global
    // WebSocket may not, so the session holds the line itself (characters count as bytes: a lower bound).
    if (size > this.#maxMessageBytes) {
      this.#wireViolation(`a ${size}-byte message exceeds the ${this.#maxMessageBytes}-byte limit`, "frame_too_large");
      return;
    }
    let events: InboundEvent[];
    try {
      events = this.#codec.decode(frame);
    } catch (error) {
      // The spec says decode never throws; a dialect that does still must not take the session down.
      const why = error instanceof Error ? error.message : String(error);
      events = [errorEvent(new ProtocolError(`the ${this.dialect} codec threw while decoding: ${why}`, { dialect: this.dialect }), frame)];
    }
    this.#sendReplies();
    if (this.#codec.resumeState) {
      const resume = this.#guardedValue("resumeState", () => this.#codec.resumeState?.());
      if (resume !== undefined) this.#resumeState = resume;
    }
    for (const event of events) this.#deliver(event);
    if (this.#codec.ready) {
      if (this.#state === "reconnecting") this.#reconnected();
      this.#cancelReadyDeadline?.();
      this.#cancelReadyDeadline = undefined;
      this.#checkLive();
      this.#queue.pump();
    }
  }

  #onClose(code: number, reason: string): void {
    if (this.#state === "connecting") {
      this.#state = "closed";
      const detail = this.#openError ? `: ${this.#openError}` : code ? ` (close ${code})` : "";
      const error = new NetworkError(`could not open ${this.#secrets.redact(this.#plan.url)}${this.#secrets.redact(detail)}`, {
        dialect: this.dialect,
        cause: safeCause(this.#openErrorCause, (text) => this.#secrets.redact(text)),
      });
      this.#rejectOpened(error);
      this.#rejectLive(error);
      this.#release();
      return;
    }
    if (this.#state === "closed") return;
    if (this.#localCloseReason !== undefined) {
      this.#end({ type: "session-ended", reason: this.#localCloseReason, code });
      return;
    }
    const closeEvents = this.#codec.close(code, this.#secrets.redact(reason ?? ""));
    if (this.#state === "reconnecting") {
      // The replacement failed before it was ready: the next attempt, or the end.
      this.#retryOrEnd(code, closeEvents);
      return;
    }
    if (this.#mayReconnect(closeEvents)) {
      this.#startReconnect(code, closeEvents);
      return;
    }
    for (const event of closeEvents) this.#deliver(event);
    // A codec that forgot the final event still ends the session (#end ignores a second end).
    this.#end({ type: "session-ended", reason: `close_${code}`, code });
  }

  #onError(event: unknown): void {
    const message =
      (event as { message?: unknown; error?: { message?: unknown } } | undefined)?.message ??
      (event as { error?: { message?: unknown } })?.error?.message;
    const text = typeof message === "string" ? this.#secrets.redact(message) : "socket error";
    if (this.#state === "connecting") {
      this.#openError = text;
      this.#openErrorCause = event instanceof Error ? event : (event as { error?: unknown } | undefined)?.error;
      return;
    }
    // `ws` reports a peer that broke RFC 6455 (an illegal close code, invalid UTF-8, an unknown
    // opcode, an oversize message) here, then closes with 1006: that is the peer's fault, not
    // a network drop, and retrying will not help. Held like messages, to keep their order.
    const cause = event instanceof Error ? event : (event as { error?: unknown } | undefined)?.error;
    const code = (cause as { code?: unknown } | undefined)?.code;
    if (typeof code === "string" && code.startsWith("WS_ERR_")) {
      this.#wireViolation(`the peer broke the WebSocket protocol: ${text}`, wireViolationCode(code), cause);
      return;
    }
    this.#log.warn(`socket error: ${text}`);
  }

  #backlogOverflow(maxPendingBytes: number): void {
    if (this.#state === "closed") return;
    const error = new BacklogOverflowError(
      `an event iterator stopped reading: over ${maxPendingBytes} bytes of events wait for it with no audio left to drop (maxPendingEventBytes)`,
      { dialect: this.dialect },
    );
    this.#emit(errorEvent(error));
    this.#end({ type: "session-ended", reason: error.code });
  }

  /** Ends the session for a frame no conforming peer sends; the socket is dropped at once. */
  #wireViolation(why: string, vendorCode: string, cause?: unknown): void {
    if (this.#state === "closed") return;
    const error = new ProtocolError(why, {
      dialect: this.dialect,
      fatal: true,
      retryable: false,
      vendorCode,
      cause: safeCause(cause, (text) => this.#secrets.redact(text)),
    });
    this.#emit(errorEvent(error));
    this.#end({ type: "session-ended", reason: error.code });
    // A peer that broke the protocol gets no closing handshake to stall (ws waits 30 s for it).
    try {
      (this.#socket as { terminate?: () => void }).terminate?.();
    } catch {
      // already gone
    }
  }

  /** `ws` reports the HTTP answer to a refused upgrade; the global WebSocket hides it. */
  #watchUpgradeRejection(): void {
    const watched = this.#socket;
    watchUpgradeRejection(watched, (status, body) => {
      // Redact, then cut: a secret cut in half no longer matches. What is kept is far inside
      // what was read, so a secret cut by the read cap is cut away too.
      const error = () =>
        this.#codec.upgradeRejected(
          status,
          redactThenCut(body, MAX_ERROR_BODY_CHARS, (text) => this.#secrets.redact(text)),
        );
      if (this.#state === "reconnecting" && this.#socket === watched) this.#retryOrEnd(status, [errorEvent(error())]);
      else if (this.#state === "connecting") this.abortOpen(error());
    });
  }

  // --- inbound ---------------------------------------------------------------------------

  #deliver(event: InboundEvent): void {
    switch (event.type) {
      case "audio-chunk":
        if (!this.#fromWire) {
          this.#emit(event);
          break;
        }
        this.#fromWire.push(event.audio, (audio) =>
          this.#emit(
            event.turnId === undefined
              ? { type: "audio-chunk", audio, sampleRate: this.audio.output.sampleRate, raw: event.raw }
              : { type: "audio-chunk", audio, sampleRate: this.audio.output.sampleRate, turnId: event.turnId, raw: event.raw },
          ),
        );
        break;
      case "playback-clear":
        // Audio still inside the resampler or framer belongs to the utterance being cut.
        this.#fromWire?.reset();
        this.#emit(event);
        break;
      case "error":
        // Dialects redact what they know; the session also knows the bootstrap's secrets.
        if (event.error) {
          event.error.message = this.#secrets.redact(event.error.message);
          // A vendor code is peer text too (`{"code":"bad key sk_…"}`).
          const vendorCode = event.error.vendorCode;
          if (vendorCode !== undefined) (event.error as { vendorCode: string }).vendorCode = this.#secrets.redact(vendorCode);
        }
        this.#emit({ ...event, message: this.#secrets.redact(event.message) });
        break;
      case "session-ended":
        this.#end(event);
        break;
      case "session-accepted":
      case "session-started":
        // A replacement connection starts again on the wire; for the application it is the same
        // session (`session-reconnected` says so).
        if (this.#connections === 1) this.#emit(event);
        break;
      case "session-expiring":
        this.#emit(event);
        // A vendor that resumes: move to a new connection now, while this one still works.
        if (this.#resumable() && this.#state === "open") {
          this.#resumeRequested = true;
          try {
            this.#socket.close(1000, "resuming");
          } catch {
            this.#terminate();
          }
        }
        break;
      default:
        this.#emit(event);
    }
  }

  #end(ended: InboundEventOf<"session-ended">): void {
    if (this.#state === "closed") return;
    // The reason may be the peer's (a `bye` text, a close reason) or the application's.
    const event = { ...ended, reason: this.#secrets.redact(ended.reason) };
    // The last syllable of a turn is still in the resampler: deliver it before the end.
    this.#fromWire?.flush((audio) => this.#emit({ type: "audio-chunk", audio, sampleRate: this.audio.output.sampleRate }), { pad: false });
    this.#state = "closed";
    this.#release();
    this.#emit(event);
    if (this.#gate) this.#endedBehindGate = event;
    else this.#resolveEnded(event);
    if (this.#socket.readyState !== WS_CLOSED) {
      try {
        this.#socket.close(1000);
      } catch {
        // already closing
      }
      // Armed after #release cleared the set; #detachSocket clears it once the socket closes.
      this.#after(CLOSE_HANDSHAKE_MS, () => this.#terminate());
    }
  }

  /** Drops the TCP connection at once (`ws`); a browser's WebSocket has no such call and bounds its own close. */
  #terminate(): void {
    try {
      (this.#socket as { terminate?: () => void }).terminate?.();
    } catch {
      // already gone
    }
  }

  /**
   * One interval per session checks the peer's liveness: the last message's timestamp (set per
   * message, nothing armed per frame) against the inactivity deadline, and, where the socket can
   * ping (`ws`), a ping every pingIntervalMs whose pong must come within pongTimeoutMs. Pongs
   * prove the connection is up, not that the peer is doing anything: they do not count as activity.
   */
  #watchLiveness(): void {
    const socket = this.#socket as unknown as { ping?: () => void; on?: (event: string, fn: () => void) => void };
    const canPing = this.#pingIntervalMs > 0 && typeof socket.ping === "function" && typeof socket.on === "function";
    const inactivity = this.#inactivityMs > 0 && Number.isFinite(this.#inactivityMs);
    if (!canPing && !inactivity) return;
    const now = Date.now();
    this.#lastHeardAt = now;
    this.#lastPingAt = now;
    if (canPing) this.#watchPongs();
    const spans = [inactivity ? this.#inactivityMs : Infinity, canPing ? this.#pingIntervalMs : Infinity, canPing ? this.#pongTimeoutMs : Infinity];
    const every = Math.min(1000, Math.max(10, Math.min(...spans) / 4));
    let lastTick = now;
    let skipped = false;
    const timer = setInterval(() => {
      if (this.#state !== "open" && this.#state !== "closing") return;
      const at = Date.now();
      // Timers run before sockets are read: after a stall (GC, a saturated core) the peer's frames
      // and pongs may sit unread, so judge on the next tick, which follows a read. Never two skips
      // in a row, or a loop that is always late would never catch a dead peer.
      skipped = !skipped && at - lastTick > 2 * every;
      lastTick = at;
      if (skipped) return;
      if (inactivity && at - this.#lastHeardAt >= this.#inactivityMs) {
        this.#livenessFailed(`the peer sent nothing for ${this.#inactivityMs} ms (inactivityTimeoutMs)`, "peer_inactive");
        return;
      }
      if (!canPing) return;
      if (this.#pingSentAt !== 0) {
        if (at - this.#pingSentAt >= this.#pongTimeoutMs) {
          this.#livenessFailed(`the peer did not answer a ping within ${this.#pongTimeoutMs} ms: the connection is half-open`, "pong_timeout");
        }
        return;
      }
      if (at - this.#lastPingAt >= this.#pingIntervalMs && this.#socket.readyState === WS_OPEN) {
        this.#lastPingAt = at;
        this.#pingSentAt = at;
        try {
          socket.ping!();
        } catch {
          // the close that follows ends the session
        }
      }
    }, every);
    this.#timers.add(timer);
  }

  #watchPongs(): void {
    const socket = this.#socket as unknown as { on?: (event: string, fn: () => void) => void };
    socket.on?.("pong", () => {
      this.#pingSentAt = 0;
    });
  }

  #livenessFailed(why: string, vendorCode: string): void {
    const error = new TimeoutError(why, { dialect: this.dialect, vendorCode });
    if (this.#mayReconnect([errorEvent(error)])) {
      // A half-open or silent connection is a drop like any other: replace it.
      this.#detachCurrentSocket();
      this.#terminate();
      this.#startReconnect(1006, [errorEvent(error)]);
      return;
    }
    this.#emit(errorEvent(error));
    this.#end({ type: "session-ended", reason: error.code });
    // Nobody is there to answer a closing handshake.
    this.#terminate();
  }

  // --- reconnect -------------------------------------------------------------------------

  #resumable(): boolean {
    return this.#dialect.capabilities.resumption === true && this.#resumeState !== undefined && this.#redial !== undefined;
  }

  /** A drop the policy (or the vendor's resumption) covers. */
  #mayReconnect(closeEvents: readonly InboundEvent[]): boolean {
    const policy = this.#reconnectPolicy;
    if (!policy || policy.retries === 0 || this.#state !== "open") return false;
    return this.#resumeRequested || dropIsRetryable(closeEvents, this.#resumable());
  }

  #startReconnect(code: number, closeEvents: readonly InboundEvent[]): void {
    const attempt = (this.#reconnect?.attempt ?? 0) + 1;
    const resumed = this.#resumable();
    this.#reconnect = { attempt, since: this.#reconnect?.since ?? Date.now(), resumed };
    this.#state = "reconnecting";
    this.#resumeRequested = false;
    this.#cancelReadyDeadline?.();
    this.#cancelReadyDeadline = undefined;
    const why = closeEvents.flatMap((event) => (event.type === "error" ? [event.message] : [])).join("; ");
    this.#emit({
      type: "debug",
      message: this.#secrets.redact(
        `the connection closed (${code})${why ? `: ${why}` : ""}; ${resumed ? "resuming" : "reconnecting"}, attempt ${attempt} of ${this.#reconnectPolicy!.retries}`,
      ),
    });
    this.#after(backoffMs(this.#reconnectPolicy!, attempt, resumed), () => void this.#redialNow(resumed));
  }

  async #redialNow(resumed: boolean): Promise<void> {
    if (this.#state !== "reconnecting") return;
    let connection: SessionConnection;
    try {
      connection = await this.#redial!(resumed ? this.#resumeState : undefined);
    } catch (error) {
      const failure = VoxwireErrorLike(error) ? error : new NetworkError("the reconnect could not dial", { dialect: this.dialect });
      this.#retryOrEnd(0, [errorEvent(failure)]);
      return;
    }
    // Ended or closed while dialing: no socket was made, so there is nothing to close.
    if (this.#state !== "reconnecting") return;
    this.#plan = connection.plan;
    this.#codec = connection.codec;
    this.#connections++;
    try {
      this.#adopt(connection.openSocket());
    } catch (error) {
      const failure = VoxwireErrorLike(error) ? error : new NetworkError("the reconnect could not dial", { dialect: this.dialect });
      this.#retryOrEnd(0, [errorEvent(failure)]);
    }
  }

  /** A replacement failed: try again within the policy, else end as the last failure says. */
  #retryOrEnd(code: number, failure: readonly InboundEvent[]): void {
    if (this.#state !== "reconnecting") return;
    this.#detachCurrentSocket();
    const attempt = this.#reconnect?.attempt ?? 1;
    if (attempt < this.#reconnectPolicy!.retries && !failure.some((event) => event.type === "error" && !event.retryable)) {
      this.#state = "open";
      this.#startReconnect(code, failure);
      return;
    }
    for (const event of failure) if (event.type !== "session-ended") this.#deliver(event);
    this.#end({ type: "session-ended", reason: "reconnect_failed", ...(code > 0 ? { code } : {}) });
  }

  /** The replacement is ready: the same session goes on. */
  #reconnected(): void {
    const reconnect = this.#reconnect;
    if (!reconnect) return;
    this.#reconnect = undefined;
    this.#state = "open";
    this.#lastHeardAt = Date.now();
    this.#emit({ type: "session-reconnected", gapMs: Date.now() - reconnect.since, attempt: reconnect.attempt, resumed: reconnect.resumed });
    this.#queue.pump();
  }

  /** Points the session at `socket` (the first one, or a replacement). */
  #adopt(socket: WebSocketLike): void {
    this.#socket = socket;
    if (socket.binaryType === "blob") socket.binaryType = "arraybuffer";
    socket.onopen = () => this.#onOpen();
    socket.onmessage = (event) => this.#onMessage(event.data);
    socket.onclose = (event) => this.#onClose(event.code, event.reason);
    socket.onerror = (event) => this.#onError(event);
    this.#watchUpgradeRejection();
    if (this.#connections > 1) this.#watchPongs();
  }

  /** The old socket says nothing more to the session (its close, if it comes, is not ours). */
  #detachCurrentSocket(): void {
    const socket = this.#socket;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = () => {};
  }

  #release(): void {
    this.#queue.dispose();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#detachSignal?.();
    this.#detachSignal = undefined;
    if (this.#state === "closed" && this.#socket.readyState === WS_CLOSED) this.#detachSocket();
    else this.#socket.onclose = () => this.#detachSocket();
  }

  #detachSocket(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#socket.onopen = null;
    this.#socket.onmessage = null;
    this.#socket.onclose = null;
    this.#socket.onerror = () => {}; // `ws` throws an unhandled 'error' without a listener
  }

  // --- outbound --------------------------------------------------------------------------

  #enqueueAudio(audio: Int16Array): void {
    const sampleRate = this.#plan.audio.outbound.sampleRate;
    this.#queue.push({ type: "audio-append", audio, sampleRate }, (audio.length * 1000) / sampleRate);
  }

  #enqueueCommand(event: OutboundEvent): void {
    this.#queue.push(event, 0);
  }

  #encode(event: OutboundEvent): WireFrame[] {
    if (event.type === "audio-append") this.#lastAudioSentAt = Date.now();
    try {
      return this.#codec.encode(event);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.#emit(errorEvent(new ProtocolError(`the ${this.dialect} codec could not encode ${event.type}: ${why}`, { dialect: this.dialect })));
      return [];
    }
  }

  #send(frame: WireFrame): void {
    try {
      this.#socket.send(frame);
      this.#stats.framesOut++;
      this.#stats.bytesOut += typeof frame === "string" ? frame.length : frame.byteLength;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.#log.warn(`send failed: ${why}`);
    }
  }

  #accepting(action: string): boolean {
    if (this.#state === "open" || this.#state === "connecting" || this.#state === "reconnecting") return true;
    this.#warnOnce(`closed:${action}`, `${action} called on a ${this.#state} session; ignored`);
    return false;
  }

  #capable(capability: keyof Dialect["capabilities"], action: string): boolean {
    if (this.#dialect.capabilities[capability]) return true;
    this.#warnOnce(capability, `${action}: the ${this.dialect} dialect has no ${capability} capability; ignored`);
    return false;
  }

  #warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.#log.warn(message);
  }

  #after(ms: number, run: () => void): () => void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, ms);
    this.#timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.#timers.delete(timer);
    };
  }

  async #waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() >= deadline) return false;
      await new Promise<void>((resolve) => setTimeout(resolve, BACKPRESSURE_RETRY_MS));
    }
    return true;
  }
}

type InboundEventType = InboundEvent["type"];

/** The largest message a session accepts: the options', else the plan's, else the default. */
export function maxMessageBytes(plan: ConnectPlan, options: SessionOptions): number {
  return options.maxMessageBytes ?? plan.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
}

/** `WS_ERR_UNSUPPORTED_MESSAGE_LENGTH` → `frame_too_large`, `WS_ERR_INVALID_UTF8` → `invalid_utf8`, … */
function VoxwireErrorLike(error: unknown): error is VoxwireError {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string" && "retryable" in error;
}

function wireViolationCode(wsCode: string): string {
  if (wsCode === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH" || wsCode === "WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH") return "frame_too_large";
  return wsCode.slice("WS_ERR_".length).toLowerCase();
}

/**
 * The longest prefix of `text` that fits in `maxBytes` of UTF-8, never splitting a character
 * (a cut surrogate pair would be sent as U+FFFD, and an overlong reason makes `ws` throw).
 */
export function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  while (end < text.length) {
    const unit = text.charCodeAt(end);
    const pair = unit >= 0xd800 && unit <= 0xdbff && end + 1 < text.length && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00;
    const size = pair ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += pair ? 2 : 1;
  }
  return end === text.length ? text : text.slice(0, end);
}
