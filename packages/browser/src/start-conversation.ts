import {
  AbortedError,
  AudioDataError,
  ConfigError,
  type ConnectOptions,
  connect,
  type Dialect,
  detectRuntime,
  errorEvent,
  type Session,
  VoxwireError,
} from "@voxwire/core";
import { AudioUnavailableError } from "./audio-unavailable-error.js";
import { type Capture, createCapture } from "./capture.js";
import { conversationEventHub } from "./conversation-event-hub.js";
import type { ConversationEvent, ConversationEventOf, ConversationEventType, ConversationState } from "./conversation-events.js";
import { openMicrophone } from "./microphone.js";
import { MicrophoneError } from "./microphone-error.js";
import type { PlaybackStats } from "./playback-stats.js";
import { createPlayer, type Player, type PlayerOptions } from "./player.js";
import { loadWorkletModules, type WorkletModuleUrls } from "./worklet-modules.js";
import type { Level } from "./worklets/level.js";

export interface ConversationOptions {
  /**
   * The dialect, or a function that makes one: use the function form when a credential must
   * first come from your backend (an Orbitali session, say), so the AudioContext is still
   * created and resumed inside the click.
   */
  dialect: Dialect | (() => Dialect | Promise<Dialect>);
  /** Passed to `connect()` (logger, quality, queue, timeouts, fetch …); the conversation sets `input`, `output` and `signal`. */
  sessionOptions?: Omit<ConnectOptions, "input" | "output" | "signal">;
  /** A context of yours: used as is and left open by `stop()`. Default: a new one at the device's rate, closed by `stop()`. */
  audioContext?: AudioContext;
  /** Microphone constraints on top of the defaults (echo cancellation, noise suppression, gain control, mono). */
  inputDeviceConstraints?: MediaTrackConstraints;
  /** Stops the conversation (or its start) when it fires. */
  signal?: AbortSignal;
  /** Start with the microphone muted: silence is sent until `muted = false`. */
  muted?: boolean;
  /** Capture frame length in ms. Default: the wire's frame length, else 20. */
  frameMs?: number;
  /** The playback ring's sizing and reporting. */
  playback?: Pick<PlayerOptions, "maxBufferedMs" | "prebufferMs" | "underrunGapMs" | "reportIntervalMs" | "quality">;
  /** Self-hosted worklet modules, for pages whose CSP refuses blob: URLs. */
  workletUrls?: WorkletModuleUrls;
}

type ListenerFor<T extends ConversationEventType | "*"> = (
  event: T extends ConversationEventType ? ConversationEventOf<T> : ConversationEvent,
) => void;

/** A live conversation: microphone → session → speakers, with its events. */
export interface Conversation extends AsyncIterable<ConversationEvent> {
  readonly state: ConversationState;
  /** Resolves once audio flows both ways; rejects with the typed error (also emitted as an `error` event). */
  readonly ready: Promise<void>;
  /** Resolves when everything is released (after `stop()`, a failed start, or the session's end). Never rejects. */
  readonly ended: Promise<void>;
  /** The session, once connected. */
  readonly session: Session | undefined;
  readonly audioContext: AudioContext | undefined;
  readonly player: Player | undefined;
  readonly capture: Capture | undefined;
  readonly microphone: MediaStream | undefined;
  /** Mutes the microphone (the tracks are disabled, so silence keeps flowing to the agent). */
  muted: boolean;
  /** Every event from now on (the first iterator also gets what came before). Ends after `conversation-state stopped`. */
  events(options?: { signal?: AbortSignal }): AsyncIterableIterator<ConversationEvent>;
  /** Calls `listener` for each event of `type` (or all with `"*"`); returns the unsubscribe. */
  on<T extends ConversationEventType | "*">(type: T, listener: ListenerFor<T>): () => void;
  /** Resumes a suspended AudioContext: call it from a click if the start was not one. */
  resume(): Promise<void>;
  /** Stops the microphone tracks, closes the session's socket and the context (if the conversation made it). */
  stop(reason?: string): Promise<void>;
}

/**
 * Starts a voice conversation in a browser: the microphone (echo cancellation on) through the
 * capture worklet into a session, the session's agent audio through the playback worklet to the
 * speakers, and barge-in (`playback-clear`) emptying the ring at once.
 *
 * Call it from a click (or other user gesture) handler: the AudioContext is created and resumed
 * synchronously inside this call, which browsers only allow during a gesture. It never throws:
 * every failure (a secret key refused in a browser, microphone denied, the socket refused) is an
 * `error` event and rejects `ready`.
 */
export function startConversation(options: ConversationOptions): Conversation {
  return new LiveConversation(options);
}

class LiveConversation implements Conversation {
  readonly ready: Promise<void>;
  readonly ended: Promise<void>;
  readonly #events = conversationEventHub<ConversationEvent>();
  readonly #abort = new AbortController();
  #resolveEnded!: () => void;
  #state: ConversationState = "starting";
  #context: AudioContext | undefined;
  #ownsContext = false;
  #session: Session | undefined;
  #stream: MediaStream | undefined;
  #source: MediaStreamAudioSourceNode | undefined;
  #player: Player | undefined;
  #capture: Capture | undefined;
  #pump: Promise<void> | undefined;
  #teardown: Promise<void> | undefined;
  #muted = false;
  #stopRequested = false;
  #inputPeak = 0;
  /** Agent audio handed to the player so far, in ms (the playback timeline). */
  #pushedMs = 0;
  /** The agent turn now playing: where it starts on the timeline, and how much of it was pushed. */
  #turn: { id: string; startMs: number; pushedMs: number } | undefined;
  #inputSquares = 0;
  #inputFrames = 0;

  constructor(options: ConversationOptions) {
    this.#muted = options?.muted === true;
    this.ended = new Promise((resolve) => {
      this.#resolveEnded = resolve;
    });
    this.ready = this.#start(options);
    // Rejections are also `error` events: a caller who only listens must not get an unhandled rejection.
    this.ready.catch(() => {});
  }

  get state(): ConversationState {
    return this.#state;
  }
  get session(): Session | undefined {
    return this.#session;
  }
  get audioContext(): AudioContext | undefined {
    return this.#context;
  }
  get player(): Player | undefined {
    return this.#player;
  }
  get capture(): Capture | undefined {
    return this.#capture;
  }
  get microphone(): MediaStream | undefined {
    return this.#stream;
  }

  get muted(): boolean {
    return this.#muted;
  }
  set muted(value: boolean) {
    this.#muted = value === true;
    for (const track of this.#stream?.getAudioTracks() ?? []) track.enabled = !this.#muted;
  }

  events(options?: { signal?: AbortSignal }): AsyncIterableIterator<ConversationEvent> {
    return this.#events.iterate(options?.signal);
  }

  [Symbol.asyncIterator](): AsyncIterator<ConversationEvent> {
    return this.events();
  }

  on<T extends ConversationEventType | "*">(type: T, listener: ListenerFor<T>): () => void {
    return this.#events.on(type, listener as (event: ConversationEvent) => void);
  }

  async resume(): Promise<void> {
    if (this.#context !== undefined && this.#context.state === "suspended") await this.#context.resume();
  }

  stop(reason = "stopped"): Promise<void> {
    this.#stopRequested = true;
    this.#abort.abort();
    return this.#finish(reason);
  }

  async #start(options: ConversationOptions): Promise<void> {
    try {
      if (options === null || typeof options !== "object") throw new ConfigError("startConversation() needs an options object");
      const { dialect } = options;
      if (typeof dialect === "object" && dialect !== null) checkDialect(dialect, options);
      else if (typeof dialect !== "function") throw new ConfigError("startConversation() needs a dialect (or a function that returns one)");
      if (options.signal?.aborted) throw new AbortedError("the signal was already aborted");
      options.signal?.addEventListener("abort", () => void this.stop("aborted"), { once: true });

      // Synchronously, inside the user's gesture: browsers start a context suspended otherwise.
      const context = this.#openContext(options.audioContext);
      const resumed = context.state === "running" ? Promise.resolve() : context.resume().catch(() => {});

      const signal = this.#abort.signal;
      const session = Promise.resolve()
        .then(() => (typeof dialect === "function" ? dialect() : dialect))
        .catch((cause: unknown) => {
          if (VoxwireError.isInstance(cause)) throw cause;
          throw new ConfigError(`the dialect function failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        })
        .then((made) => {
          checkDialect(made, options);
          return connect(made, { ...options.sessionOptions, output: { sampleRate: context.sampleRate }, signal });
        });
      const microphone = openMicrophone(options.inputDeviceConstraints, signal);
      // Whatever opens after a failure elsewhere is released at once.
      const adopted = Promise.all([
        this.#adopt(
          session,
          (s) => (this.#session = s),
          (s) => void s.close("stopped"),
        ),
        this.#adopt(microphone, (m) => (this.#stream = m), stopTracks),
        loadWorkletModules(context, options.workletUrls),
      ]);
      const [live, stream] = await adopted;
      this.#throwIfStopped();

      // Applies `muted` as given at the start, or as set on the controller since.
      this.muted = this.#muted;
      this.#source = context.createMediaStreamSource(stream);
      for (const track of stream.getAudioTracks()) track.addEventListener("ended", this.#onTrackEnded);
      this.#player = await createPlayer(context, {
        ...options.playback,
        workletUrls: options.workletUrls,
        onReport: this.#onReport,
        onError: this.#onAudioError,
      });
      this.#throwIfStopped();
      this.#capture = await createCapture(context, this.#source, {
        sampleRate: live.audio.input.sampleRate,
        frameMs: options.frameMs ?? live.audio.wire.outbound.frameMs ?? 20,
        quality: options.sessionOptions?.quality ?? "voice",
        workletUrls: options.workletUrls,
        onFrame: this.#onFrame,
        onError: this.#onAudioError,
      });
      this.#throwIfStopped();
      this.#pump = this.#pumpSession(live);

      await Promise.race([resumed, Promise.resolve()]);
      if (context.state === "suspended") {
        // Not fatal: the session is up, and a later click can still call resume().
        this.#emitError(
          new AudioUnavailableError(
            "the AudioContext is suspended, so nothing is captured or played: call startConversation() from a click handler, or call conversation.resume() from one",
            { fatal: false, vendorCode: "context_suspended" },
          ),
        );
      }
      this.#state = "live";
      this.#emit({ type: "conversation-state", state: "live" });
    } catch (error) {
      const typed = toVoxwireError(error);
      // A failure before the first await would otherwise be emitted before the caller could listen.
      await Promise.resolve();
      if (!this.#stopRequested) this.#emitError(typed);
      await this.#finish("failed");
      // Parts made while a stop was already releasing the rest (a context of the caller's stays open).
      this.#capture?.stop();
      this.#player?.close();
      throw typed;
    }
  }

  #openContext(given: AudioContext | undefined): AudioContext {
    if (given !== undefined) {
      if (given.state === "closed") throw new ConfigError("the audioContext given to startConversation() is closed");
      this.#context = given;
      return given;
    }
    const Context = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
    if (typeof Context !== "function") throw new AudioUnavailableError("this browser has no Web Audio AudioContext");
    try {
      this.#context = new Context({ latencyHint: "interactive" });
    } catch (cause) {
      throw new AudioUnavailableError("the browser refused to create an AudioContext", { cause });
    }
    this.#ownsContext = true;
    return this.#context;
  }

  #adopt<T>(promise: Promise<T>, keep: (value: T) => void, release: (value: T) => void): Promise<T> {
    return promise.then((value) => {
      if (this.#teardown !== undefined) release(value);
      else keep(value);
      return value;
    });
  }

  #throwIfStopped(): void {
    if (this.#teardown !== undefined || this.#stopRequested) throw new AbortedError("the conversation was stopped while it started");
  }

  async #pumpSession(session: Session): Promise<void> {
    try {
      for await (const event of session) {
        if (event.type === "audio-chunk") this.#play(event.audio, event.sampleRate, event.turnId);
        else if (event.type === "playback-clear") this.#bargeIn(session);
        this.#emit(event);
      }
    } finally {
      // The session is over (the peer closed, a fatal error, or stop()): release the rest.
      void this.#finish("session ended");
    }
  }

  #play(audio: Int16Array, sampleRate: number, turnId: string | undefined): void {
    const ms = (audio.length * 1000) / sampleRate;
    // Where each agent turn starts on the playback timeline, for what to report at a barge-in.
    if (turnId !== undefined && turnId !== this.#turn?.id) this.#turn = { id: turnId, startMs: this.#pushedMs, pushedMs: 0 };
    this.#pushedMs += ms;
    if (this.#turn !== undefined && turnId === this.#turn.id) this.#turn.pushedMs += ms;
    try {
      this.#player?.push(audio, sampleRate);
    } catch (error) {
      // A chunk the player cannot take is reported; the conversation goes on.
      this.#emitError(
        VoxwireError.isInstance(error) ? error : new AudioDataError(`agent audio could not be played: ${String(error)}`, { cause: error }),
      );
    }
  }

  #bargeIn(session: Session): void {
    const player = this.#player;
    if (player === undefined) return;
    const turn = this.#turn;
    this.#turn = undefined;
    void player.clear().then((stats: PlaybackStats) => {
      this.#emit({ type: "barge-in", heardMs: stats.utterancePlayedMs, droppedMs: stats.lastClearedMs, stats });
      // What the speakers played of the cut turn goes back to the vendor (truncation), without
      // the application doing anything; dialects that cannot truncate drop it.
      if (turn !== undefined) {
        const heardMs = Math.min(turn.pushedMs, Math.max(0, stats.playedMs - turn.startMs));
        session.reportHeard(turn.id, heardMs);
      }
      // The ring is empty: the timeline restarts from what was played.
      this.#pushedMs = stats.playedMs;
    });
  }

  readonly #onFrame = (frame: Int16Array, level: Level): void => {
    if (level.peak > this.#inputPeak) this.#inputPeak = level.peak;
    this.#inputSquares += level.rms * level.rms;
    this.#inputFrames++;
    this.#session?.sendAudio(frame);
  };

  readonly #onReport = (stats: PlaybackStats, reason: "tick" | "clear" | "request"): void => {
    if (reason === "request") return;
    this.#emit({ type: "playback", ...stats });
    if (reason !== "tick") return;
    const input: Level =
      this.#inputFrames === 0 ? { peak: 0, rms: 0 } : { peak: this.#inputPeak, rms: Math.sqrt(this.#inputSquares / this.#inputFrames) };
    this.#inputPeak = 0;
    this.#inputSquares = 0;
    this.#inputFrames = 0;
    this.#emit({ type: "level", input, output: stats.level });
  };

  readonly #onAudioError = (error: VoxwireError): void => {
    this.#emitError(error);
    if (error.fatal) void this.#finish("audio failed");
  };

  readonly #onTrackEnded = (): void => {
    if (this.#teardown !== undefined) return;
    this.#emitError(new MicrophoneError("the microphone stopped (unplugged, or its permission revoked)", { vendorCode: "ended" }));
    void this.#finish("microphone ended");
  };

  /** Releases everything once: capture, playback, tracks, session, context. */
  #finish(reason: string): Promise<void> {
    this.#teardown ??= this.#release(reason);
    return this.#teardown;
  }

  async #release(reason: string): Promise<void> {
    const wasLive = this.#state === "live";
    this.#state = "stopping";
    if (wasLive) this.#emit({ type: "conversation-state", state: "stopping" });
    this.#capture?.stop();
    this.#player?.close();
    try {
      this.#source?.disconnect();
    } catch {
      // the context is closed already
    }
    if (this.#stream !== undefined) stopTracks(this.#stream);
    const session = this.#session;
    if (session !== undefined && session.state !== "closed") await session.close(reason).catch(() => {});
    // Let the session's last events (its `session-ended`) through before the stream ends.
    await this.#pump;
    if (this.#ownsContext && this.#context !== undefined && this.#context.state !== "closed") await this.#context.close().catch(() => {});
    this.#state = "stopped";
    this.#emit({ type: "conversation-state", state: "stopped" });
    this.#events.end();
    this.#resolveEnded();
  }

  #emit(event: ConversationEvent): void {
    this.#events.emit(event);
  }

  #emitError(error: VoxwireError): void {
    this.#emit(errorEvent(error));
  }
}

/** Runs the dialect's own checks now (pure, no I/O), so a refused credential fails before the microphone prompt. */
function checkDialect(dialect: Dialect, options: ConversationOptions): void {
  if (dialect === null || typeof dialect !== "object" || typeof dialect.prepare !== "function") {
    throw new ConfigError("startConversation() needs a voxwire dialect (omni({...}), tokenFirst({...}), …)");
  }
  if (dialect.role !== "client")
    throw new ConfigError(`the ${dialect.name} dialect is dialed by its peer; a browser conversation needs a client dialect`);
  const runtime = options.sessionOptions?.runtime ?? detectRuntime();
  dialect.prepare({ runtime, now: (options.sessionOptions?.now ?? Date.now)() });
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function toVoxwireError(error: unknown): VoxwireError {
  if (VoxwireError.isInstance(error)) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "AbortError") return new AbortedError("the conversation was stopped while it started", { cause: error });
  return new AudioUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });
}
