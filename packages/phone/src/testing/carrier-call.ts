import type { CarrierCall, CarrierCallOptions, DtmfPress } from "@voxwire/conformance";
import { joinSamples } from "@voxwire/conformance";
import type { InboundEvent, PeerCodec, WireFrame } from "@voxwire/core";
import { WebSocket } from "ws";
import { defaultPacingScheduler, type PacingScheduler, type Tickable } from "../pacing-scheduler.js";
import { CarrierPlayback, type PlaybackMode } from "./carrier-playback.js";
import { type CarrierCallRecord, emptyRecord, type RecordedMark } from "./carrier-record.js";

/** How long media sent before the carrier's pause could still be on the wire (loopback, a loaded machine). */
const PAUSE_GRACE_MS = 200;

/** What a carrier's simulator is made of: its side of the wire and its habits. Each leg's `./testing` entry builds one. */
export interface CarrierSpec {
  /** The leg's name (`telnyx`, …), for the record. */
  readonly carrier: string;
  /** The carrier's side of the wire: the leg's peer codec. */
  readonly peer: PeerCodec;
  /** The rate of the caller's audio, and of what the carrier plays. */
  readonly sampleRate: number;
  /** The caller's audio goes out in frames this long (default 20 ms). */
  readonly frameMs?: number;
  /** Wire bytes per sample of the media the application sends back (1 for G.711, 2 for L16). */
  readonly bytesPerSample: number;
  /** The call's ids, as the opening carries them. */
  readonly ids: Readonly<Record<string, string>>;
  /** What the carrier sends first, in order (`session-accepted`, `session-started`). */
  readonly opening: readonly InboundEvent[];
  /** What it sends when the caller hangs up, before closing; empty where it just closes the socket. */
  readonly goodbye: readonly InboundEvent[];
  /** A clear acknowledges the pending marks (Twilio, Telnyx; default) or forgets them (Plivo, Asterisk). */
  readonly clearEchoesMarks?: boolean;
  /** What the carrier answers a clear with, besides dropping the audio (Plivo `clearedAudio`). */
  readonly afterClear?: readonly InboundEvent[];
  /** Flow control: the carrier asks for no more media at `pauseAtMs` queued and for more below `resumeBelowMs` (Asterisk). */
  readonly flow?: { readonly pauseAtMs: number; readonly resumeBelowMs: number; readonly pause: InboundEvent; readonly resume: InboundEvent };
  /** Upgrade headers the carrier sends (a signature, a token). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Subprotocols the carrier offers (Asterisk: `media`). */
  readonly protocols?: readonly string[];
}

export interface SimulatedCallOptions extends CarrierCallOptions {
  /** How sent-back audio plays (default `realtime`, or `instant` with `fast`). */
  playback?: PlaybackMode;
  /** Silence streamed after the scripted audio before an automatic stop, ms (default 1000). */
  tailMs?: number;
  /** Fast mode's quiet period before the automatic stop, ms (default 300). */
  settleMs?: number;
  /** Fast mode: how long to wait for the application's first message before the quiet period counts, ms. */
  firstReplyMs?: number;
  /** Timers for media pacing and playback (default: the shared one). */
  scheduler?: PacingScheduler;
}

export interface SimulatedCarrierCall extends CarrierCall {
  readonly record: CarrierCallRecord;
  /** Resolves with the final record once the socket has closed. Never rejects. */
  readonly done: Promise<CarrierCallRecord>;
  /** Queues more caller audio (PCM16 at the carrier's rate). */
  sendAudio(audio: Int16Array): void;
  /** Presses a key now. */
  sendDtmf(digit: string): void;
  /** Sends one more carrier event (encoded by the peer codec). */
  sendEvent(event: InboundEvent): void;
  /** Manual playback: plays `ms` more of the audio sent back. */
  advance(ms: number): void;
  stop(): Promise<CarrierCallRecord>;
}

/** Dials the application's stream URL as the carrier does. */
export function simulateCarrierCall(spec: CarrierSpec, options: SimulatedCallOptions): SimulatedCarrierCall {
  const socket = new WebSocket(options.url, spec.protocols ? [...spec.protocols] : [], { headers: { ...spec.headers }, perMessageDeflate: false });
  return new SimulatedCall(spec, options, socket, false);
}

/** Runs a carrier call on a socket the application opened to the simulated carrier (Asterisk, dialed by us). */
export function carrierCallOnSocket(spec: CarrierSpec, options: Omit<SimulatedCallOptions, "url">, socket: WebSocket): SimulatedCarrierCall {
  return new SimulatedCall(spec, { ...options, url: "" }, socket, true);
}

/**
 * One carrier call: sends the opening, streams caller audio in the carrier's frames at real time
 * (or at once, `fast`), presses keys, plays back what comes at real time, acknowledges each mark
 * once the audio before it has played, honours clear the carrier's way, asks for flow control
 * where the carrier does, and says goodbye. Everything is recorded with timings.
 */
class SimulatedCall implements SimulatedCarrierCall, Tickable {
  readonly opened: Promise<void>;
  readonly done: Promise<CarrierCallRecord>;
  readonly #spec: CarrierSpec;
  readonly #options: SimulatedCallOptions;
  readonly #scheduler: PacingScheduler;
  readonly #socket: WebSocket;
  readonly #playback: CarrierPlayback;
  readonly #record: CarrierCallRecord;
  readonly #fast: boolean;
  readonly #frameMs: number;
  readonly #queue: Int16Array[] = [];
  readonly #frame: Int16Array;
  readonly #received: Int16Array[] = [];
  readonly #dtmf: DtmfPress[];
  readonly #marksByName = new Map<string, RecordedMark[]>();
  #queueOffset = 0;
  #scriptSamples: number;
  #tailFrames: number;
  #t0 = 0;
  #startedAt = 0;
  #framesSent = 0;
  #lastReceivedAt = 0;
  #heardBack = false;
  #paused = false;
  #pausedAt = 0;
  #stopping: Promise<CarrierCallRecord> | undefined;
  #live = false;
  #resolveDone!: (record: CarrierCallRecord) => void;

  constructor(spec: CarrierSpec, options: SimulatedCallOptions, socket: WebSocket, open: boolean) {
    this.#spec = spec;
    this.#options = options;
    this.#fast = options.fast ?? false;
    this.#scheduler = options.scheduler ?? defaultPacingScheduler();
    this.#frameMs = spec.frameMs ?? 20;
    this.#frame = new Int16Array(Math.round((spec.sampleRate * this.#frameMs) / 1000));
    this.#record = emptyRecord(spec.carrier, spec.ids);
    this.#dtmf = [...(options.dtmf ?? [])].sort((a, b) => a.atMs - b.atMs);
    if (options.audio && options.audio.length > 0) this.#queue.push(options.audio);
    this.#scriptSamples = options.audio?.length ?? 0;
    this.#tailFrames = Math.ceil((options.tailMs ?? 1000) / this.#frameMs);
    this.#playback = new CarrierPlayback({
      mode: options.playback ?? (this.#fast ? "instant" : "realtime"),
      scheduler: this.#scheduler,
      echo: (name, cleared) => this.#echo(name, cleared),
      clearEchoesMarks: spec.clearEchoesMarks ?? true,
      forgot: (name) => this.#forgot(name),
    });
    this.done = new Promise((resolve) => {
      this.#resolveDone = resolve;
    });
    this.#socket = socket;
    this.opened = open
      ? Promise.resolve().then(() => this.#begin())
      : new Promise((resolve, reject) => {
          socket.once("open", () => {
            this.#begin();
            resolve();
          });
          socket.once("error", (error) => reject(error));
        });
    this.opened.catch(() => {});
    socket.on("error", () => {}); // a reset surfaces as close 1006
    socket.on("message", (data, isBinary) => this.#onMessage(data as Buffer, isBinary));
    socket.on("close", (code, reason) => this.#onClose(code, reason.toString()));
  }

  get record(): CarrierCallRecord {
    this.#syncPlayback();
    return structuredClone(this.#record);
  }

  sendAudio(audio: Int16Array): void {
    if (audio.length === 0) return;
    this.#queue.push(audio);
    if (this.#fast && this.#live) this.#sendQueued();
  }

  sendDtmf(digit: string): void {
    if (!this.#live) return;
    this.#send(this.#spec.peer.encode({ type: "dtmf-received", digit }));
    this.#record.sent.dtmf.push({ digit, atMs: this.#ms() });
  }

  sendEvent(event: InboundEvent): void {
    if (this.#live) this.#send(this.#spec.peer.encode(event));
  }

  advance(ms: number): void {
    this.#playback.advance(ms);
    this.#checkFlow();
  }

  stop(): Promise<CarrierCallRecord> {
    this.#stopping ??= (async () => {
      await this.opened.catch(() => {});
      if (this.#live) {
        this.#live = false;
        this.#scheduler.cancel(this);
        for (const event of this.#spec.goodbye) this.#send(this.#spec.peer.encode(event));
        this.#record.sent.stopAtMs = this.#ms();
        this.#record.state = "stopped";
        if (this.#socket.readyState === WebSocket.OPEN) this.#socket.close(1000, "stop");
      }
      return this.done;
    })();
    return this.#stopping;
  }

  terminate(): void {
    this.#live = false;
    this.#socket.terminate();
  }

  receivedAudio(): Int16Array {
    return joinSamples(this.#received);
  }

  tick(now: number): void {
    if (!this.#live) return;
    this.#checkFlow();
    if (this.#fast) {
      if (now - this.#lastReceivedAt >= this.#quietMs()) void this.stop();
      else this.#scheduler.wake(this, this.#lastReceivedAt + this.#quietMs());
      return;
    }
    const due = Math.floor((now - this.#startedAt) / this.#frameMs);
    while (this.#live && this.#framesSent <= due) {
      if (this.#scriptDone() && this.#options.stop !== "manual") {
        void this.stop();
        return;
      }
      this.#sendFrame();
    }
    if (this.#live) this.#scheduler.wake(this, this.#startedAt + this.#framesSent * this.#frameMs);
  }

  #begin(): void {
    this.#t0 = this.#scheduler.now();
    this.#lastReceivedAt = this.#t0;
    this.#live = true;
    this.#record.state = "live";
    for (const event of this.#spec.opening) this.#send(this.#spec.peer.encode(event));
    this.#startedAt = this.#scheduler.now();
    if (this.#fast) {
      this.#sendQueued();
      if (this.#options.stop !== "manual") this.#scheduler.wake(this, this.#lastReceivedAt + this.#quietMs());
    } else {
      this.tick(this.#startedAt);
    }
  }

  #sendQueued(): void {
    while (this.#live && (this.#queue.length > 0 || this.#tailFrames > 0)) this.#sendFrame();
    if (this.#live) this.#pressDue(Number.POSITIVE_INFINITY);
  }

  #scriptDone(): boolean {
    return this.#scriptSamples <= 0 && this.#tailFrames <= 0 && this.#dtmf.length === 0 && this.#queue.length === 0;
  }

  #sendFrame(): void {
    const frame = this.#frame;
    const size = frame.length;
    let filled = 0;
    while (filled < size && this.#queue.length > 0) {
      const head = this.#queue[0]!;
      const take = Math.min(size - filled, head.length - this.#queueOffset);
      frame.set(head.subarray(this.#queueOffset, this.#queueOffset + take), filled);
      filled += take;
      this.#queueOffset += take;
      if (this.#queueOffset === head.length) {
        this.#queue.shift();
        this.#queueOffset = 0;
      }
    }
    if (filled < size) frame.fill(0, filled);
    if (filled > 0) this.#scriptSamples -= filled;
    else if (this.#scriptSamples <= 0 && this.#tailFrames > 0) this.#tailFrames--;
    const index = this.#framesSent++;
    this.#pressDue(index * this.#frameMs);
    this.#send(this.#spec.peer.encode({ type: "audio-chunk", audio: frame, sampleRate: this.#spec.sampleRate }));
    this.#record.sent.mediaFrames++;
    this.#record.sent.audioMs += this.#frameMs;
  }

  #pressDue(audioMs: number): void {
    while (this.#dtmf.length > 0 && this.#dtmf[0]!.atMs <= audioMs) this.sendDtmf(this.#dtmf.shift()!.digit);
  }

  #quietMs(): number {
    const settleMs = this.#options.settleMs ?? 300;
    return this.#heardBack ? settleMs : (this.#options.firstReplyMs ?? settleMs);
  }

  #onMessage(data: Buffer, isBinary: boolean): void {
    const now = this.#scheduler.now();
    this.#lastReceivedAt = now;
    if (!this.#heardBack) {
      this.#heardBack = true;
      if (this.#fast && this.#live && this.#options.stop !== "manual") this.#scheduler.wake(this, now + this.#quietMs());
    }
    const received = this.#record.received;
    received.messages++;
    const frame: WireFrame = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data.toString("utf8");
    const atMs = now - this.#t0;
    for (const command of this.#spec.peer.decode(frame)) {
      switch (command.type) {
        case "audio-append": {
          // Media already on its way when the carrier asked for no more is still taken (Asterisk
          // processes what was sent just before MEDIA_XOFF); what comes later is dropped.
          if (this.#paused && now - this.#pausedAt > PAUSE_GRACE_MS) {
            received.dropped.push({ event: "media", reason: "media sent while the carrier asked for no more (flow control)", atMs });
            break;
          }
          const ms = (command.audio.length * 1000) / this.#spec.sampleRate;
          const bytes = command.audio.length * this.#spec.bytesPerSample;
          received.mediaFrames++;
          received.audioMs += ms;
          received.frameBytes[bytes] = (received.frameBytes[bytes] ?? 0) + 1;
          received.firstMediaAtMs ??= atMs;
          received.lastMediaAtMs = atMs;
          if (this.#options.keepAudio) this.#received.push(command.audio.slice());
          this.#playback.audio(ms);
          this.#checkFlow();
          break;
        }
        case "mark": {
          const mark: RecordedMark = { name: command.name, atMs };
          received.marks.push(mark);
          const same = this.#marksByName.get(command.name) ?? [];
          same.push(mark);
          this.#marksByName.set(command.name, same);
          this.#playback.mark(command.name);
          break;
        }
        case "playback-clear": {
          const cleared = this.#playback.clear();
          received.clears.push({ atMs, playedMs: cleared.playedMs, droppedMs: cleared.droppedMs, marksEchoed: cleared.marks });
          for (const event of this.#spec.afterClear ?? []) this.#send(this.#spec.peer.encode(event));
          this.#checkFlow();
          break;
        }
        case "error":
          received.dropped.push({ event: eventName(frame), reason: command.message, atMs });
          break;
        default:
          received.other.push({ event: command.type === "passthrough" ? command.name : command.type, atMs });
      }
    }
  }

  /** Asks for no more media once too much is queued, and for more once it has drained. */
  #checkFlow(): void {
    const flow = this.#spec.flow;
    if (!flow || !this.#live) return;
    const queued = this.#playback.queuedMs;
    if (!this.#paused && queued >= flow.pauseAtMs) {
      this.#paused = true;
      this.#pausedAt = this.#scheduler.now();
      this.#record.flow.pauses++;
      this.#send(this.#spec.peer.encode(flow.pause));
    } else if (this.#paused && queued < flow.resumeBelowMs) {
      this.#paused = false;
      this.#record.flow.resumes++;
      this.#send(this.#spec.peer.encode(flow.resume));
    }
  }

  #pendingMark(name: string): RecordedMark | undefined {
    const same = this.#marksByName.get(name);
    const mark = same?.shift();
    if (same && same.length === 0) this.#marksByName.delete(name);
    return mark;
  }

  #echo(name: string, cleared: boolean): void {
    const mark = this.#pendingMark(name);
    if (mark) {
      mark.echoedAtMs = this.#ms();
      if (cleared) mark.cleared = true;
    }
    if (this.#socket.readyState === WebSocket.OPEN) this.#send(this.#spec.peer.encode({ type: "mark-played", name }));
    this.#checkFlow();
  }

  #forgot(name: string): void {
    const mark = this.#pendingMark(name);
    if (mark) mark.cleared = true;
  }

  #send(frames: WireFrame[]): void {
    if (this.#socket.readyState !== WebSocket.OPEN) return;
    for (const frame of frames) this.#socket.send(frame);
  }

  #onClose(code: number, reason: string): void {
    const byCarrier = this.#stopping !== undefined;
    this.#live = false;
    this.#scheduler.cancel(this);
    this.#syncPlayback();
    this.#playback.dispose();
    this.#record.state = "closed";
    this.#record.close = { code, reason, by: byCarrier ? "carrier" : "application" };
    this.#resolveDone(structuredClone(this.#record));
  }

  #syncPlayback(): void {
    const p = this.#playback;
    this.#record.playback = { playedMs: p.playedMs, droppedMs: p.droppedMs, queuedMs: p.queuedMs, maxQueuedMs: p.maxQueuedMs };
  }

  #ms(): number {
    return Math.round((this.#scheduler.now() - this.#t0) * 10) / 10;
  }
}

function eventName(frame: WireFrame): string {
  if (typeof frame !== "string") return "(binary)";
  const match = /"(?:event|action)"\s*:\s*"([^"]{1,40})"/.exec(frame) ?? /^([A-Z_]{2,40})\b/.exec(frame);
  return match ? match[1]! : "(unknown)";
}
