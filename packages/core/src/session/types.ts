import type { DialectCapabilities, RuntimeKind } from "../dialect/current.js";
import type { AgentConfig } from "../events/agent-config.js";
import type { AppAudioFormat, WireAudioFormat } from "../events/audio-format.js";
import type { InboundEvent, InboundEventOf, InboundEventType } from "../events/inbound.js";
import type { Logger } from "./logger.js";
import type { ReconnectOptions } from "./reconnect-policy.js";
import type { ToolHandlers } from "./tool-handlers.js";
import type { WebSocketConstructor } from "./websocket.js";

/** Resampler quality preset (see docs/audio-pipeline.md). */
export type AudioQuality = "fast" | "voice" | "high";

export interface SessionOptions {
  /**
   * The session configuration (instructions, voice, tools, turn detection, language), for
   * dialects with the `sessionConfig` capability; others ignore it with a warning.
   */
  agent?: AgentConfig;
  /** The audio the application sends. Default: PCM16 at the wire's outbound rate. */
  input?: AppAudioFormat;
  /** The audio the application receives. Default: PCM16 at the wire's inbound rate, as it arrives. */
  output?: AppAudioFormat;
  /** Resampler preset for both directions. Default `voice`. */
  quality?: AudioQuality;
  /** Cancels the bootstrap, the socket open, or (once open) the session. */
  signal?: AbortSignal;
  /** Logger for this session; silent by default. Every line is redacted. */
  logger?: Logger;
  /** Outbound queue bounds (backpressure). */
  queue?: {
    /** Audio held while the socket is backed up or the dialect not ready, in ms. Default 1000. */
    maxAudioMs?: number;
    /** The socket's `bufferedAmount` above which nothing more is handed to it. Default 64 KiB. */
    highWaterBytes?: number;
  };
  /**
   * Events kept for an iterator that is not reading (and in the backlog), before the oldest audio
   * is dropped. Default 2000. Other events are never dropped: see `maxPendingEventBytes`.
   */
  maxPendingEvents?: number;
  /**
   * Bytes of events (audio, `raw` frames, 64 bytes of overhead each) kept per iterator and in the
   * backlog. Default 8 MiB. Past it the oldest audio is dropped; with no audio left to drop, the
   * session ends with a `backlog_overflow` error rather than grow. The backlog, which only a
   * first iterator would read, is dropped whole past either bound.
   */
  maxPendingEventBytes?: number;
  /**
   * Keep the events that arrive before the first iterator attaches, for it (default true).
   * An application that only uses `on()` listeners can set false so nothing is kept at all.
   */
  backlog?: boolean;
  /**
   * From an open socket to the dialect being ready for outbound audio (a token-first dialect's
   * `connected`). Past it the session ends with a `TimeoutError`. Default 10 000 ms.
   */
  readyTimeoutMs?: number;
  /**
   * The largest message the peer may send, in bytes; a larger one ends the session with a fatal
   * `protocol_violation` (`frame_too_large`). Default: the dialect's `maxMessageBytes`, else
   * 1 MiB + 64 KiB. On Node the `ws` client enforces it before buffering the message; for a
   * socket passed to `accept()`, set `maxPayload` on your WebSocketServer too.
   */
  maxMessageBytes?: number;
  /**
   * No message (text or binary) from the peer for this long ends the session with a retryable
   * `TimeoutError` (`vendorCode: "peer_inactive"`): a peer that goes silent, or drips a frame a
   * byte at a time, cannot hold a session forever. Pings and pongs do not count. 0 turns it off.
   * Default: the dialect's (its plan's `inactivityMs`: off for vendors that stay quiet while the
   * user does, such as OpenAI, Gemini and Deepgram), else 60 000 ms.
   */
  inactivityTimeoutMs?: number;
  /**
   * Where the socket can ping (`ws` on Node), a WebSocket ping this often; 0 turns pings off.
   * Default 20 000 ms.
   */
  pingIntervalMs?: number;
  /**
   * A ping unanswered for this long ends the session as half-open: retryable `TimeoutError`,
   * `vendorCode: "pong_timeout"`. Default 10 000 ms.
   */
  pongTimeoutMs?: number;
  /**
   * `connect()` only: replace a connection that drops with a new one, in the same `Session`.
   * Drops the dialect classifies as retryable (1001, 1006, 1011-1013, a network error, a silent
   * or half-open peer) are retried, auth and protocol errors are not; the bootstrap runs again
   * (a single-use token is fetched anew) and the codec re-sends its setup. The application sees a
   * `debug` event and then `session-reconnected { gapMs }`; audio sent meanwhile waits in the
   * outbound queue up to `queue.maxAudioMs`, the oldest dropped and counted past it. A dialect with
   * `resumption` reconnects with its resumption state even without this option (3 attempts).
   */
  reconnect?: ReconnectOptions;
  /** Overrides runtime detection (tests; unusual hosts). */
  runtime?: RuntimeKind;
  /** Clock, epoch ms (tests). */
  now?: () => number;
}

export interface ConnectOptions extends SessionOptions {
  /** fetch for the bootstrap call. Default: the global fetch. */
  fetch?: typeof fetch;
  /** WebSocket constructor. Default: `ws` on Node, the global WebSocket elsewhere. */
  WebSocket?: WebSocketConstructor;
  /** A bootstrap answer larger than this is refused (`protocol_violation`, `body_too_large`). Default 1 MiB. */
  maxBootstrapBodyBytes?: number;
  /**
   * Accept a cleartext `ws:` socket URL answered by an `https:` bootstrap. Off by default: the
   * plan's token would cross the network unencrypted (`insecure_socket_url`). Needed only for a
   * simulator on another machine; loopback to loopback (127.0.0.1, ::1, localhost) is always
   * accepted.
   */
  allowInsecureSocket?: boolean;
  /**
   * Socket hosts a bootstrap may answer besides its own registrable domain (`api.vendor.ai` may
   * answer `agent.vendor.ai`): exact hostnames, or `*.domain` for any subdomain. Any other host is
   * refused before it is dialed (`socket_host_not_allowed`). A page whose `tokenUrl` route lives on
   * the application's domain lists the vendor's socket host here.
   */
  allowedSocketHosts?: readonly string[];
  /**
   * When `connect()` resolves. `"live"` (default): once the dialect is ready and the peer said
   * `session-started`, so a refused key or a handshake failure rejects `connect()` with its typed
   * error. `"open"`: as soon as the socket is open (for a dialect that never says it started).
   */
  resolveOn?: "live" | "open";
  /** Per-step deadlines. */
  timeouts?: {
    /** The bootstrap HTTP call. Default 10 000 ms. */
    bootstrapMs?: number;
    /** From dialing to an open socket. Default 10 000 ms. */
    openMs?: number;
  };
}

/** Counters a session keeps; read at any time. */
export interface SessionStats {
  /** Frames received from the socket, text and binary. */
  framesIn: number;
  /** Their size: bytes of binary frames plus characters of text frames. */
  bytesIn: number;
  /** Frames handed to the socket. */
  framesOut: number;
  /** Their size, counted as for `bytesIn`. */
  bytesOut: number;
  /** Outbound audio frames dropped because the queue was full (oldest first). */
  audioFramesDropped: number;
  /** Inbound events dropped because an iterator was not reading (audio only, oldest first), or with an abandoned backlog. */
  eventsDropped: number;
  /** Frames waiting in the outbound queue now. */
  queueDepth: number;
  /** Audio in the outbound queue now, in ms. */
  queuedAudioMs: number;
  /** Errors thrown by application listeners (caught and logged). */
  listenerErrors: number;
}

/** The formats a live session works with. */
export interface SessionAudio {
  /** What the wire carries in each direction. */
  readonly wire: { readonly outbound: WireAudioFormat; readonly inbound: WireAudioFormat };
  /** What the application sends. */
  readonly input: AppAudioFormat;
  /** What the application receives. */
  readonly output: AppAudioFormat;
}

export type SessionState = "open" | "closing" | "closed";

/** A listener for one event type, or every event with `"*"`. */
export type Listener<T extends InboundEventType | "*"> = (event: T extends InboundEventType ? InboundEventOf<T> : InboundEvent) => void;

/** A live connection to an agent (or a carrier leg) through one dialect. */
export interface Session extends AsyncIterable<InboundEvent> {
  /** The dialect's name. */
  readonly dialect: string;
  /** What the dialect can carry (whether `sendDtmf`, `mark`, `clearPlayback` do anything). */
  readonly capabilities: DialectCapabilities;
  /** `open` from `connect()` on (a socket still opening reads `open`), `closing` while `close()` drains, `closed` once ended. */
  readonly state: SessionState;
  /** The audio formats of the wire and of the application, fixed for the session's life. */
  readonly audio: SessionAudio;
  /** A snapshot of the counters, taken when read. */
  readonly stats: Readonly<SessionStats>;
  /** Resolves with the final `session-ended` event. Never rejects. */
  readonly ended: Promise<InboundEventOf<"session-ended">>;
  /**
   * Every event from now on (the first iterator also gets what arrived before anyone listened).
   * Ends after `session-ended`, or when `signal` fires. Leaving a `for await` loop early (break,
   * return, throw) closes the session, unless `keepOpen` is true.
   */
  events(options?: { signal?: AbortSignal; keepOpen?: boolean }): AsyncIterableIterator<InboundEvent>;
  /** Calls `listener` for each event of `type` (or all with `"*"`); returns the unsubscribe. */
  on<T extends InboundEventType | "*">(type: T, listener: Listener<T>): () => void;
  /** Sends application audio (the `input` format); converted, framed and queued. Never blocks. */
  sendAudio(audio: Int16Array | Float32Array): void;
  /** Forwards a keypad digit (warns and does nothing when the dialect cannot). */
  sendDtmf(digit: string, durationMs?: number): void;
  /** Sends a playback checkpoint (warns and does nothing when the dialect has no marks). */
  mark(name: string): void;
  /** Tells the peer to drop audio we queued at it (the Twilio leg's `clear`); drops our own queue too. */
  clearPlayback(): void;
  /** Sends typed user text (warns and does nothing when the dialect has no `textInput`). */
  sendText(text: string): void;
  /**
   * Answers a `tool-call` by its `callId`; a string `output` is sent as is, anything else as JSON.
   * `isError` marks a failed call. Warns and does nothing without `toolCalls`.
   */
  sendToolResult(callId: string, output: unknown, options?: { isError?: boolean }): void;
  /**
   * Answers tool calls by name with these handlers: a result goes back with `sendToolResult`, a
   * throw as an error result; a cancelled call's (or an ended session's) handlers are aborted
   * through their `signal`. Calls to other tools are left to the application. Returns the unsubscribe.
   */
  handleTools(handlers: ToolHandlers): () => void;
  /**
   * Tells the vendor how much of agent turn `turnId` the listener heard, so it cuts its context
   * to that (OpenAI truncation). Dropped silently by dialects without `truncation`.
   */
  reportHeard(turnId: string, heardMs: number): void;
  /** Changes the session configuration mid-session (warns and does nothing without `sessionUpdate`). */
  update(agent: AgentConfig): void;
  /** Flushes pending audio, sends the dialect's stop, closes the socket; resolves when ended. */
  close(reason?: string): Promise<void>;
}
