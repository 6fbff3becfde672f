import type { InboundEvent, PeerDecoded, WireFrame } from "@voxwire/core";
import type { WebSocket } from "ws";
import type { ClipLibrary } from "./clip-library.js";
import { type AgentScript, ScriptedAgent } from "./scripted-agent.js";
import { type RecordLimits, type SessionRecord, SessionRecorder } from "./session-record.js";
import type { FrontConnection } from "./vendor-front.js";

/** Fault switches, per session. */
export interface SimulatorFaults {
  /** Mid-call server shutdown this many ms after the session starts: `session-ending`, then close 1001. */
  shutdownAfterMs?: number;
  /** Send malformed frames right after `session-started` (before the greeting). */
  malformed?: boolean;
  /** A slow reader: read the client's frames only once every this many ms. */
  slowReaderMs?: number;
}

/** Close code of a client that never authenticated or never spoke (policy violation). */
export const FIRST_MESSAGE_TIMEOUT_CLOSE = 1008;

/** Close code and reason of the shutdown fault ("going away"). */
export const SHUTDOWN_CLOSE = { code: 1001, reason: "server_shutdown" } as const;

/** Generic malformed frames: truncated JSON, a non-object, JSON without a type, an odd-length binary. */
export const GENERIC_MALFORMED_FRAMES: readonly WireFrame[] = ['{"type":"hel', "[1,2,3]", '{"no_type":true}', new Uint8Array([1, 2, 3])];

export interface SimSessionInit {
  id: string;
  dialect: string;
  socket: WebSocket;
  connection: FrontConnection;
  clips: ClipLibrary;
  /** The clips the agent speaks (default: `greeting`, then `answer`). */
  script?: AgentScript;
  fast: boolean;
  faults: SimulatorFaults;
  malformedFrames: readonly WireFrame[];
  vad?: { thresholdDbfs?: number; silenceMs?: number };
  /** How much of the session the record keeps. */
  limits?: RecordLimits;
  /**
   * A front with a handshake must see it `start` within this many ms, any other socket must
   * send its first frame: else close 1008. 0 turns it off.
   */
  firstMessageTimeoutMs: number;
  /** Runs once, when the socket has closed and every timer is released. */
  onEnd(session: SimSession): void;
}

/**
 * One simulated call on one socket: the front's codec between the wire and the scripted agent,
 * the recorder watching both ways, and the fault timers. Everything it starts, `#end` stops.
 */
export class SimSession {
  readonly id: string;
  /** Resolves once the socket has closed and everything the session started is released. */
  readonly ended: Promise<void>;
  #resolveEnded!: () => void;
  readonly #init: SimSessionInit;
  readonly #socket: WebSocket;
  readonly #connection: FrontConnection;
  readonly #agent: ScriptedAgent;
  readonly #recorder: SessionRecorder;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #phase: "handshake" | "live" | "closing" | "ended";
  /** Cancels the first-message deadline; set until the client has spoken (or started). */
  #cancelFirstDeadline: (() => void) | undefined;

  constructor(init: SimSessionInit) {
    this.id = init.id;
    this.ended = new Promise((resolve) => {
      this.#resolveEnded = resolve;
    });
    this.#init = init;
    this.#socket = init.socket;
    this.#connection = init.connection;
    const { rates } = init.connection;
    this.#agent = new ScriptedAgent({
      clips: init.clips,
      ...(init.script ? { script: init.script } : {}),
      agentRate: rates.agent,
      userRate: rates.user,
      fast: init.fast,
      ...(init.vad ? { vad: init.vad } : {}),
      emit: (event) => this.inject(event),
    });
    this.#recorder = new SessionRecorder(
      { id: init.id, dialect: init.dialect, rates: { ...rates }, details: { ...init.connection.details } },
      this.#agent.activity,
      init.limits,
    );
    this.#phase = init.connection.handshake ? "handshake" : "live";
    this.#recorder.record.state = this.#phase;

    const socket = this.#socket;
    socket.on("message", (data, isBinary) => this.#onFrame(toFrame(data, isBinary)));
    socket.on("close", (code, reason) => this.#end(code, reason.toString(), "client"));
    socket.on("error", () => {}); // a client reset surfaces as close 1006

    if (init.connection.refuse) {
      this.#recorder.record.state = "refused";
      this.close(init.connection.refuse.code, init.connection.refuse.reason);
      return;
    }
    init.connection.attach?.({
      send: (frames) => {
        if (this.live) this.#sendFrames(frames);
      },
      close: (code, reason) => this.close(code, reason),
      after: (ms, run) => this.#after(ms, run),
    });
    if (init.faults.slowReaderMs) this.#readSlowly(init.faults.slowReaderMs);
    if (init.firstMessageTimeoutMs > 0) {
      // A socket that never sends its token (or anything) must not hold a session slot forever.
      const inHandshake = this.#phase === "handshake";
      this.#cancelFirstDeadline = this.#after(init.firstMessageTimeoutMs, () => {
        if (inHandshake) this.#recorder.record.state = "refused";
        this.close(FIRST_MESSAGE_TIMEOUT_CLOSE, inHandshake ? "handshake_timeout" : "no_message_timeout");
      });
    }
    if (this.#phase === "live") this.#begin();
  }

  /** A copy of what this session has seen so far. */
  snapshot(): SessionRecord {
    return structuredClone(this.#recorder.record);
  }

  get live(): boolean {
    return this.#phase === "live" || this.#phase === "handshake";
  }

  /** Sends an agent event to the client through the front's codec (tests use it for DTMF, transfers …). */
  inject(event: InboundEvent): void {
    if (this.#phase !== "live") return;
    this.#sendFrames(this.#connection.codec.encode(event), event);
  }

  /**
   * A server shutdown (the fault, or the simulator closing): announce the end the dialect's way
   * (`session_ending`, `session_ended{server_shutdown}` …), then close with 1001. A session still
   * in its handshake has no dialect events yet, so it only gets the close.
   */
  shutdown(reason: string = SHUTDOWN_CLOSE.reason): void {
    if (this.#phase === "handshake") {
      this.close(SHUTDOWN_CLOSE.code, reason);
      return;
    }
    if (this.#phase !== "live") return;
    this.inject({ type: "session-ending", reason });
    this.inject({ type: "session-ended", reason, code: SHUTDOWN_CLOSE.code });
    this.close(SHUTDOWN_CLOSE.code, reason);
  }

  /** Closes from the server side; the session ends when the socket has closed. */
  close(code: number, reason: string): void {
    if (this.#phase === "closing" || this.#phase === "ended") return;
    this.#phase = "closing";
    this.#agent.stop();
    this.#recorder.closed(code, reason, "server");
    this.#socket.close(code, reason);
    // A client that never answers the close frame must not hold the simulator open.
    this.#after(2000, () => this.#socket.terminate());
  }

  /** Drops the connection at once (simulator shutdown). */
  terminate(): void {
    this.#socket.terminate();
  }

  #begin(): void {
    this.#phase = "live";
    this.#recorder.record.state = "live";
    this.inject({ type: "session-accepted" });
    this.inject({ type: "session-started", ids: { ...this.#connection.ids } });
    if (this.#init.faults.malformed) this.#sendFrames(this.#init.malformedFrames);
    const { shutdownAfterMs } = this.#init.faults;
    if (shutdownAfterMs !== undefined) this.#after(shutdownAfterMs, () => this.shutdown());
    this.#agent.start();
  }

  #onFrame(frame: WireFrame): void {
    if (this.#phase === "closing" || this.#phase === "ended") return;
    this.#recorder.frameIn(frame);
    if (this.#phase === "live") this.#stopFirstDeadline();
    if (this.#phase === "handshake" && !this.#onHandshake(frame)) return;
    this.#dispatch(this.#connection.codec.decode(frame));
  }

  /** The client's commands to the agent, recorded in order, then what the front owes in reply. */
  #dispatch(commands: readonly PeerDecoded[]): void {
    for (const command of commands) {
      if (this.#phase !== "live") return;
      this.#recorder.command(command);
      if (command.type === "audio-append") this.#agent.hear(command.audio);
      else if (command.type === "dtmf-send") this.#agent.hearDtmf(command.digit);
      else if (command.type === "text-send") this.#agent.hearText(command.text);
      else if (command.type === "tool-result") this.#agent.hearToolResult(command.callId, command.output, command.isError === true);
      else if (command.type === "playback-heard") this.#agent.hearHeard(command.turnId, command.heardMs);
      else if (command.type === "session-update") this.#agent.hearConfig(command.agent);
      else if (command.type === "session-stop") this.close(1000, command.reason ?? "session_stop");
    }
    const replies = this.#connection.takeReplies?.() ?? [];
    if (replies.length > 0 && this.#phase === "live") this.#sendFrames(replies);
  }

  /** True when the frame that started the session is also to be decoded. */
  #onHandshake(frame: WireFrame): boolean {
    const step = this.#connection.handshake!(frame);
    if (step.type === "start") {
      this.#stopFirstDeadline();
      this.#begin();
      if (step.commands) this.#dispatch(step.commands);
      return step.decode === true && this.#phase === "live";
    }
    if (step.type === "refuse") {
      for (const event of step.events ?? []) this.#sendFrames(this.#connection.codec.encode(event), event);
      this.#recorder.record.state = "refused";
      this.close(step.code, step.reason);
    }
    return false;
  }

  #sendFrames(frames: readonly WireFrame[], event?: InboundEvent): void {
    this.#recorder.sent(event, frames);
    for (const frame of frames) this.#socket.send(frame);
  }

  /** Pauses reading and lets one read through every `everyMs`, so the client's sends back up. */
  #readSlowly(everyMs: number): void {
    const socket = this.#socket;
    socket.pause();
    const tick = () => {
      socket.resume();
      setImmediate(() => {
        if (this.#phase !== "ended") socket.pause();
      });
      this.#after(everyMs, tick);
    };
    this.#after(everyMs, tick);
  }

  #end(code: number, reason: string, by: "client" | "server"): void {
    if (this.#phase === "ended") return;
    this.#phase = "ended";
    this.#agent.stop();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#recorder.closed(code, reason, by);
    this.#init.onEnd(this);
    this.#resolveEnded();
  }

  #stopFirstDeadline(): void {
    this.#cancelFirstDeadline?.();
    this.#cancelFirstDeadline = undefined;
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
}

/** A `ws` message as a WireFrame: text as a string, binary as bytes (a Buffer is a Uint8Array). */
function toFrame(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): WireFrame {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return isBinary ? bytes : bytes.toString("utf8");
}
