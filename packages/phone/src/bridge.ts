import { performance } from "node:perf_hooks";
import {
  type AudioPipeline,
  ConfigError,
  createAudioPipeline,
  createFramer,
  EventHub,
  type Framer,
  type InboundEventOf,
  type Logger,
  type Session,
  silentLogger,
  VoxwireError,
} from "@voxwire/core";
import type { BridgeCloseReason, BridgeEndReason, BridgeEvent, BridgeEventType, BridgeLeg, BridgeListener, PhoneCall } from "./bridge-events.js";
import type { HangupHook, TransferHook } from "./call-control.js";
import type { FlowSignal } from "./carrier.js";
import { EstimatedPlayback } from "./estimated-playback.js";
import { FramePacer } from "./frame-pacer.js";
import type { BridgeTap } from "./observe/bridge-tap.js";
import { type ObserveOptions, observeBridge } from "./observe/observe-bridge.js";
import { defaultPacingScheduler, type PacingScheduler, type Tickable } from "./pacing-scheduler.js";
import { phoneCallFromStart } from "./phone-call.js";
import { type HeardSource, PlaybackLedger } from "./playback-ledger.js";

/** Audio kept queued at the carrier ahead of playback while the agent runs ahead of real time. */
export const DEFAULT_LEAD_MS = 100;
/** Agent audio the bridge holds beyond the lead (an agent that renders faster than real time). */
export const DEFAULT_MAX_BUFFER_MS = 10_000;
/** A ledger mark rides behind every this much agent audio. */
export const DEFAULT_MARK_EVERY_MS = 100;
/** Agent audio after this much silence on the line starts a new turn. */
export const DEFAULT_TURN_GAP_MS = 500;
/** Caller audio kept while the agent connects, so a caller who speaks first is heard. */
export const DEFAULT_PRECONNECT_BUFFER_MS = 1000;
/** Keypresses kept while the agent connects. */
const MAX_PRECONNECT_DIGITS = 32;
/** The frame the bridge paces in when the phone leg's wire names none. */
const DEFAULT_FRAME_MS = 20;
/** After this long with nothing to send, the audio since the last mark gets its own mark. */
const TAIL_MARK_AFTER_MS = 60;

/** How the bridge gets its agent: a live session, one being connected, or a factory run when the carrier's start arrives. */
export type AgentSource = Session | Promise<Session> | ((call: PhoneCall, signal: AbortSignal) => Promise<Session>);

export interface BridgeOptions extends ObserveOptions {
  /** Audio kept queued at the carrier, in ms (default 100): small enough to cut quickly, large enough to ride out jitter. */
  leadMs?: number;
  /** Agent audio the bridge may hold, in ms (default 10 000); past it the oldest is dropped and counted. */
  maxBufferMs?: number;
  /** A ledger mark every this much agent audio (default 100): the resolution of `agent-audio-heard`. */
  markEveryMs?: number;
  /** Silence on the line after which agent audio opens a new turn (default 500 ms). */
  turnGapMs?: number;
  /** Caller audio (the latest) held while the agent connects, then sent at once; default 1000 ms, 0 to drop it. */
  preconnectBufferMs?: number;
  /** Paces frames (default: one shared timer for every call in the process). */
  scheduler?: PacingScheduler;
  /** Runs when the agent asks for a human. Without one, the request is reported as an error event. */
  onTransfer?: TransferHook;
  /** Runs when the agent side ends first (the call must end too). Default: close the stream (on Twilio that ends `<Connect>`). */
  onHangup?: HangupHook;
  /**
   * Reads the carrier's flow control from the phone leg's passthrough messages (Asterisk
   * `MEDIA_XOFF` / `MEDIA_XON`): on "pause" nothing is sent until "resume"; agent audio waits in
   * the bridge's bounded queue meanwhile (`maxBufferMs`; past it the oldest is dropped and
   * counted). The phone server takes it from the carrier leg.
   */
  flowSignal?: FlowSignal;
  /** Silent by default. Never given a credential. */
  logger?: Logger;
}

/** Counters a bridge keeps; read at any time. */
export interface BridgeStats {
  /** Caller frames handed to the agent. */
  callerFrames: number;
  /** Caller frames dropped while the agent was connecting (beyond `preconnectBufferMs`) or after the end. */
  callerFramesDropped: number;
  /** Agent frames (one phone-leg frame each, 20 ms at 8 kHz on Twilio) received. */
  agentFrames: number;
  /** Agent frames sent to the carrier. */
  framesToCaller: number;
  /** Agent frames dropped because more than `maxBufferMs` waited. */
  agentFramesDropped: number;
  /** Agent frames dropped by barge-in before they were sent. */
  agentFramesCleared: number;
  /** Clears sent to the carrier (Twilio `clear`). */
  clears: number;
  marksSent: number;
  marksHeard: number;
  /** Marks the carrier echoed because of a clear: that audio was not heard. */
  marksDropped: number;
  /** Audio queued at the carrier now (clock model), ms. */
  leadMs: number;
  /** The most ever queued at the carrier, ms (bounded by `leadMs` plus one frame). */
  maxLeadMs: number;
  /** Agent audio waiting in the bridge, ms. */
  queuedMs: number;
  /** Times the carrier asked the bridge to stop sending (flow control). */
  carrierPauses: number;
}

/** What the bridge converts, per direction. */
export interface BridgeAudio {
  /** The agent's wire rate for caller audio; the phone leg's rate (8000 on Twilio) means no resampling on the way in. */
  agentInputRate: number;
  /** The agent's wire rate for its own audio; the phone leg's rate means no resampling on the way out. */
  agentOutputRate: number;
  callerToAgentResampled: boolean;
  agentToCallerResampled: boolean;
}

/** A live phone call bridged to an agent. */
export interface PhoneBridge {
  readonly phone: Session;
  /** The agent session, once connected. */
  readonly agent: Session | undefined;
  /** The call, once the carrier's start message has arrived. */
  readonly call: PhoneCall | undefined;
  readonly stats: Readonly<BridgeStats>;
  /** Known once the agent is connected. */
  readonly audio: BridgeAudio | undefined;
  /** Where `agent-audio-heard` comes from: the carrier's mark acknowledgements, or (a leg without marks) the pacing clock. */
  readonly heardSource: HeardSource;
  /** Resolves with the final `ended` event once both legs are closed and every hook has settled. Never rejects. */
  readonly ended: Promise<Extract<BridgeEvent, { type: "ended" }>>;
  on<T extends BridgeEventType | "*">(type: T, listener: BridgeListener<T>): () => void;
  /**
   * Ends the call from the application's side: both legs are closed. `endReason` (default
   * "closed") is the `ended` event's reason; any but "closed" also runs the hang-up hook, so the
   * carrier ends the call rather than moving on in its call flow.
   */
  close(reason?: string, endReason?: BridgeCloseReason): Promise<void>;
}

/**
 * Bridges a phone leg (a session on a carrier's server-role dialect, from `accept()`) to an agent
 * session. Caller audio (PCM at the phone leg's rate, 8 kHz from μ-law on Twilio) goes to the
 * agent as it arrives; the agent's session converts it to its wire rate (none at all for an agent
 * at the phone's rate). Agent audio is paced to the carrier so its queue stays within `leadMs`,
 * followed by ledger marks that say how much the caller actually heard. A `playback-clear` from
 * the agent becomes the carrier's clear inside the same listener call. Either leg ending ends the
 * other; nothing outlives the call.
 */
export function bridge(phone: Session, agent: AgentSource, options: BridgeOptions = {}): PhoneBridge {
  return new Bridge(phone, agent, options);
}

class Bridge implements PhoneBridge {
  readonly phone: Session;
  readonly ended: Promise<Extract<BridgeEvent, { type: "ended" }>>;
  readonly #options: BridgeOptions;
  readonly #log: Logger;
  readonly #events: EventHub<BridgeEvent>;
  readonly #ledger: PlaybackLedger;
  readonly #pacer: FramePacer;
  readonly #turnGapMs: number;
  readonly #unsubscribe: (() => void)[] = [];
  readonly #abort = new AbortController();
  readonly #stats = { callerFrames: 0, callerFramesDropped: 0, agentFrames: 0, clears: 0, carrierPauses: 0 };
  readonly #scheduler: PacingScheduler;
  /** The metrics, traces, watchdog and recorder configured (undefined when none is). */
  readonly #tap: BridgeTap | undefined;
  /**
   * Wakes when agent audio stopped while the conversion still holds less than a frame (a short
   * utterance on a leg with long frames): that audio goes out padded, instead of waiting for
   * the next turn. Armed only while no frame is queued; a queued frame cancels it.
   */
  readonly #quiet: Tickable = { tick: (now) => this.#onAgentQuiet(now) };
  #quietArmed = false;
  #lastAgentAudioAt = 0;
  /** Resolves the ledger's marks from the clock where the carrier acknowledges none. */
  readonly #estimated: EstimatedPlayback | undefined;
  #agent: Session | undefined;
  #agentPending: Promise<Session | undefined> | undefined;
  #agentFactory: ((call: PhoneCall, signal: AbortSignal) => Promise<Session>) | undefined;
  #call: PhoneCall | undefined;
  #audio: BridgeAudio | undefined;
  /** The rate of the caller's audio from the phone leg, and of the frames it takes back. */
  readonly #callerRate: number;
  readonly #phoneRate: number;
  readonly #frameMs: number;
  /** One phone-leg frame (20 ms at 8 kHz on Twilio), in samples. */
  readonly #frameSamples: number;
  /** Caller audio → the agent's input rate, when the agent session does not take the phone's rate itself. */
  #toAgent: AudioPipeline | undefined;
  /** Agent audio → phone-rate frames, when the agent session does not deliver those itself. */
  #fromAgent: AudioPipeline | Framer<Int16Array> | undefined;
  /** The agent's audio is already at the phone's rate: a whole frame can go to the pacer without a copy. */
  #fromAgentAligned: Framer<Int16Array> | undefined;
  /** Caller audio and keypresses (strings) that arrived before the agent: sent in order once it is there. */
  #preconnect: (Int16Array | string)[] = [];
  #preconnectSamples = 0;
  #preconnectDigits = 0;
  #needTurn = true;
  /** The agent's id of the turn it is sending audio for (spec v2 `turnId`), when its dialect names turns. */
  #agentTurnId: string | undefined;
  /** The agent turn id of each turn start queued in the pacer, in order; shifted as each starts playing. */
  readonly #queuedTurnIds: (string | undefined)[] = [];
  /** The agent turn id of each ledger turn (only the latest few are kept). */
  readonly #turnIds = new Map<number, string>();
  #transferRequested = false;
  #ending = false;
  #resolveEnded!: (event: Extract<BridgeEvent, { type: "ended" }>) => void;

  constructor(phone: Session, agent: AgentSource, options: BridgeOptions) {
    if (phone === null || typeof phone !== "object" || typeof phone.on !== "function" || !phone.audio)
      throw new ConfigError("the phone leg must be a session (from accept() on the carrier's socket)");
    this.phone = phone;
    this.#callerRate = phone.audio.output.sampleRate;
    this.#phoneRate = phone.audio.input.sampleRate;
    this.#frameMs = phone.audio.wire.outbound.frameMs ?? DEFAULT_FRAME_MS;
    this.#frameSamples = Math.round((this.#phoneRate * this.#frameMs) / 1000);
    this.#options = options;
    this.#log = options.logger ?? silentLogger;
    this.#turnGapMs = options.turnGapMs ?? DEFAULT_TURN_GAP_MS;
    this.ended = new Promise((resolve) => {
      this.#resolveEnded = resolve;
    });
    // Listeners only: the bridge's events are never iterated, so nothing is kept for an iterator.
    this.#events = new EventHub<BridgeEvent>({
      backlog: false,
      onListenerError: (error, type) => this.#log.error(`a bridge "${type}" listener threw: ${errorText(error)}`),
    });
    const heardSource: HeardSource = phone.capabilities.marks ? "acknowledged" : "estimated";
    this.#ledger = new PlaybackLedger({
      markEveryMs: options.markEveryMs ?? DEFAULT_MARK_EVERY_MS,
      emit: (event) => this.#emit(event),
      heardSource,
    });
    const scheduler = options.scheduler ?? defaultPacingScheduler();
    this.#scheduler = scheduler;
    this.#estimated = heardSource === "estimated" ? new EstimatedPlayback(scheduler, (name) => this.#ledger.echoed(name)) : undefined;
    this.#pacer = new FramePacer({
      leadMs: options.leadMs ?? DEFAULT_LEAD_MS,
      capacityMs: options.maxBufferMs ?? DEFAULT_MAX_BUFFER_MS,
      frameMs: this.#frameMs,
      sampleRate: this.#phoneRate,
      idleAfterMs: TAIL_MARK_AFTER_MS,
      scheduler,
      send: (frame, ms, startsTurn) => this.#sendToCaller(frame, ms, startsTurn),
      onIdle: () => this.#markTail(),
      held: true,
    });
    this.#tap = observeBridge(this, options, {
      scheduler,
      callerRate: this.#callerRate,
      phoneRate: this.#phoneRate,
      phone,
      hangUp: (reason, detail) => this.#finish(reason, "bridge", detail),
    });
    this.#listenToPhone();
    if (typeof agent === "function") this.#agentFactory = agent;
    else if (agent instanceof Promise) this.#awaitAgent(agent);
    else this.#attachAgent(agent);
  }

  get agent(): Session | undefined {
    return this.#agent;
  }

  get call(): PhoneCall | undefined {
    return this.#call;
  }

  get audio(): BridgeAudio | undefined {
    return this.#audio;
  }

  get heardSource(): HeardSource {
    return this.#ledger.heardSource;
  }

  get stats(): Readonly<BridgeStats> {
    const pacer = this.#pacer.stats;
    const marks = this.#ledger.counts;
    return {
      ...this.#stats,
      framesToCaller: pacer.framesSent,
      agentFramesDropped: pacer.framesDropped,
      agentFramesCleared: pacer.framesCleared,
      ...marks,
      leadMs: this.#pacer.leadMs,
      maxLeadMs: pacer.maxLeadMs,
      queuedMs: this.#pacer.queuedMs,
    };
  }

  on<T extends BridgeEventType | "*">(type: T, listener: BridgeListener<T>): () => void {
    return this.#events.on(type, listener as (event: BridgeEvent) => void);
  }

  async close(reason = "closed", endReason: BridgeCloseReason = "closed"): Promise<void> {
    this.#finish(endReason, "bridge", reason);
    await this.ended;
  }

  // --- phone leg -------------------------------------------------------------------------

  #listenToPhone(): void {
    const phone = this.phone;
    releaseBacklog(phone);
    this.#unsubscribe.push(
      phone.on("session-started", (event) => this.#onCallStarted(event)),
      phone.on("audio-chunk", (event) => {
        if (this.#tap && !this.#ending) this.#tap.callerAudio?.(event.audio, this.#scheduler.now());
        this.#onCallerAudio(event.audio);
      }),
      phone.on("mark-played", (event) => {
        this.#ledger.echoed(event.name);
      }),
      phone.on("dtmf-received", (event) => this.#onDtmf(event.digit)),
      phone.on("passthrough", (event) => this.#onPassthrough(event)),
      phone.on("error", (event) => this.#relayError("phone", event)),
      phone.on("session-ended", (event) => this.#onLegEnded("phone", event)),
    );
  }

  /** The carrier's flow control, where the leg reads it: hold the pacer, or let it go. */
  #onPassthrough(event: InboundEventOf<"passthrough">): void {
    const signal = this.#options.flowSignal?.(event);
    if (signal === undefined || this.#ending) return;
    if (signal === "pause") {
      if (!this.#pacer.held) this.#stats.carrierPauses++;
      this.#pacer.hold();
    } else if (this.#call) this.#pacer.release();
  }

  #onCallStarted(event: InboundEventOf<"session-started">): void {
    this.#call = phoneCallFromStart(this.phone.dialect, event);
    this.#pacer.release();
    this.#emit({ type: "call-started", call: this.#call });
    const factory = this.#agentFactory;
    if (factory) {
      this.#agentFactory = undefined;
      let pending: Promise<Session>;
      try {
        pending = factory(this.#call, this.#abort.signal);
      } catch (error) {
        pending = Promise.reject(error);
      }
      this.#awaitAgent(pending);
    }
  }

  #onCallerAudio(audio: Int16Array): void {
    const agent = this.#agent;
    if (this.#ending) {
      this.#stats.callerFramesDropped++;
      return;
    }
    if (!agent) {
      this.#holdForAgent(audio);
      return;
    }
    this.#stats.callerFrames++;
    if (this.#toAgent) this.#toAgent.push(audio, (frame) => agent.sendAudio(frame));
    else agent.sendAudio(audio);
  }

  #onDtmf(digit: string): void {
    if (!this.#agent && !this.#ending) {
      if (this.#preconnectDigits < MAX_PRECONNECT_DIGITS) {
        this.#preconnect.push(digit);
        this.#preconnectDigits++;
      }
      return;
    }
    // Forwarded only where the agent's dialect takes DTMF; always reported.
    const forwarded = this.#agent?.capabilities.dtmfOut === true;
    if (forwarded) this.#agent!.sendDtmf(digit);
    this.#emit({ type: "dtmf", digit, forwarded });
  }

  /** Keeps the latest `preconnectBufferMs` of caller audio (the frames are the codec's own arrays). */
  #holdForAgent(audio: Int16Array): void {
    const limit = ((this.#options.preconnectBufferMs ?? DEFAULT_PRECONNECT_BUFFER_MS) * this.#callerRate) / 1000;
    this.#preconnect.push(audio);
    this.#preconnectSamples += audio.length;
    while (this.#preconnectSamples > limit) {
      const index = this.#preconnect.findIndex((item) => typeof item !== "string");
      if (index < 0) break;
      const [dropped] = this.#preconnect.splice(index, 1) as [Int16Array];
      this.#preconnectSamples -= dropped.length;
      this.#stats.callerFramesDropped++;
    }
  }

  /** The agent is there: what the caller said and pressed meanwhile goes to it, in order. */
  #flushPreconnect(): void {
    const held = this.#preconnect;
    this.#preconnect = [];
    this.#preconnectSamples = 0;
    this.#preconnectDigits = 0;
    for (const item of held) {
      if (typeof item === "string") this.#onDtmf(item);
      else this.#onCallerAudio(item);
    }
  }

  // --- agent leg -------------------------------------------------------------------------

  #awaitAgent(pending: Promise<Session>): void {
    this.#agentPending = pending.then(
      (session) => {
        if (this.#ending) {
          // The call ended while the agent was connecting: close it at once.
          void session.close("call_ended");
          return session;
        }
        this.#attachAgent(session);
        return session;
      },
      (error: unknown) => {
        if (this.#ending) return undefined;
        const voxwire = asVoxwireError(error);
        this.#emit({
          type: "error",
          leg: "agent",
          code: voxwire?.code ?? "agent_connect_failed",
          message: errorText(error),
          fatal: true,
          ...(voxwire ? { error: voxwire } : {}),
        });
        this.#finish("agent-failed", "agent", voxwire?.code ?? "connect_failed");
        return undefined;
      },
    );
  }

  #attachAgent(agent: Session): void {
    this.#agent = agent;
    releaseBacklog(agent);
    const { input, output, wire } = agent.audio;
    const callerRate = this.#callerRate;
    const phoneRate = this.#phoneRate;
    if (input.sampleRate !== callerRate) {
      this.#toAgent = createAudioPipeline({ inputRate: callerRate, outputRate: input.sampleRate });
    }
    if (output.sampleRate !== phoneRate) {
      // The pacer and the phone session read frames through their views: slab frames are safe.
      this.#fromAgent = createAudioPipeline({
        inputRate: output.sampleRate,
        outputRate: phoneRate,
        frameSamples: this.#frameSamples,
        sharedBuffers: true,
      });
    } else if (output.frameMs !== this.#frameMs) {
      this.#fromAgentAligned = createFramer({ frameSamples: this.#frameSamples, sharedBuffers: true });
      this.#fromAgent = this.#fromAgentAligned;
    }
    this.#audio = {
      agentInputRate: wire.outbound.sampleRate,
      agentOutputRate: wire.inbound.sampleRate,
      callerToAgentResampled: wire.outbound.sampleRate !== this.phone.audio.wire.inbound.sampleRate,
      agentToCallerResampled: wire.inbound.sampleRate !== this.phone.audio.wire.outbound.sampleRate,
    };
    this.#unsubscribe.push(
      agent.on("audio-chunk", (event) => this.#onAgentAudio(event.audio, event.turnId)),
      agent.on("playback-clear", (event) => this.#onBargeIn(event.turnId)),
      agent.on("agent-state", (event) => {
        if (event.state === "speaking") this.#needTurn = true;
      }),
      agent.on("transfer-requested", (event) => this.#onTransfer(event)),
      agent.on("error", (event) => this.#relayError("agent", event)),
      agent.on("session-ended", (event) => this.#onLegEnded("agent", event)),
    );
    this.#emit({ type: "agent-connected", dialect: agent.dialect });
    if (agent.state !== "open") this.#finish("agent-failed", "agent", "closed_before_bridging");
    else this.#flushPreconnect();
  }

  #onAgentAudio(audio: Int16Array, turnId: string | undefined): void {
    if (this.#ending) return;
    if (turnId !== undefined && turnId !== this.#agentTurnId) {
      // A dialect that names its turns starts a ledger turn on each new one (and only then).
      this.#agentTurnId = turnId;
      this.#needTurn = true;
    }
    const framesBefore = this.#stats.agentFrames;
    this.#lastAgentAudioAt = this.#scheduler.now();
    this.#convertAgentAudio(audio);
    // Audio that made no frame waits in the conversion: make sure a silence lets it out.
    if (this.#stats.agentFrames === framesBefore && this.#fromAgent && !this.#quietArmed && this.#pacer.queuedMs === 0) {
      this.#quietArmed = true;
      this.#scheduler.wake(this.#quiet, this.#lastAgentAudioAt + TAIL_MARK_AFTER_MS);
    }
  }

  #convertAgentAudio(audio: Int16Array): void {
    const aligned = this.#fromAgentAligned;
    if (aligned && aligned.pendingSamples === 0 && audio.length === this.#frameSamples) {
      // The codec's own array, maybe a view of the socket's buffer: the pacer copies it only if it must hold it.
      this.#queueAgentFrame(audio, true);
    } else if (this.#fromAgent) {
      this.#fromAgent.push(audio, (frame) => this.#queueAgentFrame(frame, false));
    } else {
      this.#queueAgentFrame(audio, false);
    }
  }

  /** The agent has been silent since its last audio, which made no frame: send what the conversion holds. */
  #onAgentQuiet(now: number): void {
    this.#quietArmed = false;
    if (this.#ending) return;
    const due = this.#lastAgentAudioAt + TAIL_MARK_AFTER_MS;
    if (now < due) {
      this.#quietArmed = true;
      this.#scheduler.wake(this.#quiet, due);
      return;
    }
    if (this.#pacer.queuedMs === 0) this.#markTail();
  }

  #queueAgentFrame(frame: Int16Array, borrowed: boolean): void {
    this.#stats.agentFrames++;
    if (this.#quietArmed) {
      this.#quietArmed = false;
      this.#scheduler.cancel(this.#quiet);
    }
    // Before the carrier's start there is no stream to send to: frames wait (held) until it comes.
    // Without the agent's turn ids, a silence on the line longer than `turnGapMs` opens a turn.
    const startsTurn = this.#needTurn || (this.#agentTurnId === undefined && this.#pacer.quietForMs >= this.#turnGapMs);
    this.#needTurn = false;
    if (startsTurn) this.#queuedTurnIds.push(this.#agentTurnId);
    this.#pacer.push(frame, startsTurn, borrowed);
  }

  /**
   * Barge-in: the carrier's clear goes out before this listener returns; nothing queued here
   * survives. The agent is then told how much of the cut turn the caller heard (spec v2
   * `playback-heard`: an agent that truncates cuts its context to it; others drop it).
   */
  #onBargeIn(clearedTurnId: string | undefined): void {
    if (this.#ending) return;
    const startedAt = this.#tap ? performance.now() : 0;
    const droppedMs = this.#pacer.queuedMs;
    const carrierQueuedMs = this.#pacer.leadMs;
    this.#pacer.clear();
    this.#queuedTurnIds.length = 0;
    this.#fromAgent?.reset();
    this.phone.clearPlayback();
    this.#stats.clears++;
    this.#tap?.bargeIn?.(performance.now() - startedAt, droppedMs, carrierQueuedMs, this.#scheduler.now());
    const turn = this.#ledger.turn;
    this.#estimated?.clear();
    const playing = this.#ledger.current();
    this.#ledger.cleared();
    this.#needTurn = true;
    this.#emit({ type: "barge-in", turn, droppedMs });
    const turnId = (playing ? this.#turnIds.get(playing.turn) : undefined) ?? clearedTurnId;
    if (turnId !== undefined && this.#agent) this.#agent.reportHeard(turnId, playing?.heardMs ?? 0);
  }

  #onTransfer(event: InboundEventOf<"transfer-requested">): void {
    const call = this.#call;
    if (!call || this.#ending) return;
    this.#emit({
      type: "transfer",
      call,
      ...(event.reason !== undefined ? { reason: event.reason } : {}),
      ...(event.target !== undefined ? { target: event.target } : {}),
    });
    const hook = this.#options.onTransfer;
    if (!hook) {
      this.#emit({
        type: "error",
        leg: "bridge",
        code: "transfer_unconfigured",
        message: "the agent asked for a transfer, but the bridge has no transfer hook",
        fatal: false,
      });
      return;
    }
    this.#transferRequested = true;
    const request = {
      ...call,
      ...(event.reason !== undefined ? { reason: event.reason } : {}),
      ...(event.target !== undefined ? { target: event.target } : {}),
    };
    void this.#runHook("transfer", () => hook(request));
  }

  // --- out to the caller -----------------------------------------------------------------

  #sendToCaller(frame: Int16Array, ms: number, startsTurn: boolean): void {
    if (startsTurn) {
      const turn = this.#ledger.startTurn();
      const turnId = this.#queuedTurnIds.shift();
      if (turnId !== undefined) {
        this.#turnIds.set(turn, turnId);
        this.#turnIds.delete(turn - 8);
      }
    }
    this.phone.sendAudio(frame);
    this.#tap?.agentAudioSent?.(frame, ms, this.#ledger.turn, startsTurn, this.#scheduler.now());
    const mark = this.#ledger.sent(ms);
    if (mark !== undefined) this.#markSent(mark);
  }

  /** A ledger mark behind the audio just sent: to the carrier, or to the clock where it acknowledges none. */
  #markSent(mark: string): void {
    if (this.#estimated) this.#estimated.add(mark, this.#pacer.leadMs);
    else this.phone.mark(mark);
  }

  /**
   * The line has had nothing new for a moment: the agent's turn has ended (or it underran). What
   * the conversion still holds (the resampler's look-ahead, a partial frame) goes out padded,
   * so a turn's last syllable is not left behind until the next turn; then the tail gets its mark.
   */
  #markTail(): void {
    if (this.#ending) return;
    let flushed = false;
    this.#fromAgent?.flush(
      (frame) => {
        flushed = true;
        this.#queueAgentFrame(frame, false);
      },
      { pad: true },
    );
    if (flushed) return; // the mark follows once these frames are out
    const mark = this.#ledger.tail();
    if (mark !== undefined) this.#markSent(mark);
  }

  // --- errors and ending -----------------------------------------------------------------

  #relayError(leg: BridgeLeg, event: InboundEventOf<"error">): void {
    this.#emit({ type: "error", leg, code: event.code, message: event.message, fatal: event.fatal, ...(event.error ? { error: event.error } : {}) });
  }

  #onLegEnded(leg: "phone" | "agent", event: InboundEventOf<"session-ended">): void {
    if (this.#ending) return;
    const failed = event.reason !== "closed" && event.reason !== "stop" && event.code !== 1000 && event.code !== 1005;
    if (leg === "phone") {
      const reason: BridgeEndReason = failed ? "phone-failed" : this.#transferRequested ? "transferred" : "caller-hung-up";
      this.#finish(reason, "phone", event.reason);
    } else {
      this.#finish(failed ? "agent-failed" : "agent-ended", "agent", event.reason);
    }
  }

  /** Ends the call once: stops pacing, hangs up or closes the other leg, waits for both, then reports `ended`. */
  #finish(reason: BridgeEndReason, leg: BridgeLeg, detail: string): void {
    if (this.#ending) return;
    this.#ending = true;
    for (const item of this.#preconnect) if (typeof item !== "string") this.#stats.callerFramesDropped++;
    this.#preconnect = [];
    this.#pacer.dispose();
    if (this.#quietArmed) {
      this.#quietArmed = false;
      this.#scheduler.cancel(this.#quiet);
    }
    this.#estimated?.clear();
    this.#estimated?.dispose();
    this.#ledger.ended();
    for (const off of this.#unsubscribe.splice(0)) off();
    this.#abort.abort();
    void this.#wrapUp(reason, leg, detail);
  }

  async #wrapUp(reason: BridgeEndReason, leg: BridgeLeg, detail: string): Promise<void> {
    // The agent, or the server (a drain, a time limit), ended a call the carrier still has up.
    const endedHere = (leg === "agent" || (leg === "bridge" && reason !== "closed")) && this.phone.state === "open";
    const hook = this.#options.onHangup;
    if (endedHere && hook && this.#call?.callSid) {
      const call = this.#call;
      await this.#runHook("hangup", () => hook({ ...call, reason }));
    }
    const agent = this.#agent ?? (await this.#agentPending?.catch(() => undefined));
    await Promise.all([this.phone.close(reasonText(reason)), agent?.close(reasonText(reason))]);
    const ended = { type: "ended" as const, reason, leg, detail };
    this.#emit(ended);
    this.#events.clear();
    this.#resolveEnded(ended);
  }

  async #runHook(name: "transfer" | "hangup", run: () => void | Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      const voxwire = asVoxwireError(error);
      this.#emit({
        type: "error",
        leg: "bridge",
        code: voxwire?.code ?? `${name}_failed`,
        message: `the ${name} hook failed: ${errorText(error)}`,
        fatal: false,
        ...(voxwire ? { error: voxwire } : {}),
      });
    }
  }

  #emit(event: BridgeEvent): void {
    this.#events.emit(event);
  }
}

/**
 * A session keeps every event in a backlog (up to `maxPendingEvents`, audio included) until its
 * first iterator attaches, so that iterator misses nothing. The bridge listens with `on()` and
 * never iterates, so it opens and closes one iterator at once: the backlog is released and no
 * longer kept (at 200 calls it held hundreds of MB and cost a copy per event once full).
 */
function releaseBacklog(session: Session): void {
  void session.events({ keepOpen: true }).return?.();
}

function reasonText(reason: BridgeEndReason): string {
  return reason.replace(/-/g, "_");
}

function asVoxwireError(error: unknown): VoxwireError | undefined {
  return VoxwireError.isInstance(error) ? error : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
