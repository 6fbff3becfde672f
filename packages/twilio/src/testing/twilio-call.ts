import { randomBytes } from "node:crypto";
import type { DtmfPress } from "@voxwire/conformance";
import { joinSamples } from "@voxwire/conformance";
import type { PeerCodec, WireFrame } from "@voxwire/core";
import { defaultPacingScheduler, type PacingScheduler, type Tickable } from "@voxwire/phone";
import { WebSocket } from "ws";
import { twilio } from "../twilio.js";
import { TWILIO_FRAME_MS, TWILIO_SAMPLE_RATE, type TwilioStreamIds } from "../wire.js";
import { emptyRecord, type RecordedMark, type TwilioCallRecord } from "./call-record.js";
import { type PlaybackMode, TwilioPlayback } from "./twilio-playback.js";

const FRAME_SAMPLES = (TWILIO_SAMPLE_RATE * TWILIO_FRAME_MS) / 1000;

export interface TwilioCallOptions {
  /** The application's stream URL, `ws://127.0.0.1:PORT/media`. */
  url: string;
  /** Caller audio, 8 kHz PCM16, streamed from the start (see `loadCallerWav`). Silence follows it. */
  audio?: Int16Array;
  /** Keypresses at times after the stream starts. */
  dtmf?: readonly DtmfPress[];
  /** No pacing: all scripted audio is sent at once and playback is instant unless `playback` says otherwise. */
  fast?: boolean;
  /** How sent-back audio plays (default `realtime`, or `instant` with `fast`). */
  playback?: PlaybackMode;
  /** Silence streamed after the scripted audio before an automatic stop, ms (default 1000). */
  tailMs?: number;
  /**
   * `auto` (default): send `stop` after the audio and its tail (in fast mode: once nothing has
   * arrived for `settleMs`). `manual`: stream silence until `stop()`.
   */
  stop?: "auto" | "manual";
  /** Fast mode's quiet period before the automatic stop, ms (default 300). */
  settleMs?: number;
  /**
   * Fast mode: how long to wait for the application's first message before the quiet period
   * starts counting, ms (default: `settleMs`). A bridge whose agent is still being dialed (a
   * bootstrap call on a loaded machine) must not find the caller already hung up.
   */
  firstReplyMs?: number;
  /** The `<Parameter>`s Twilio would pass in `start.customParameters`. */
  customParameters?: Readonly<Record<string, string>>;
  /** Fixed ids (default: fresh random SIDs). */
  ids?: Partial<TwilioStreamIds>;
  /** Extra upgrade headers (an `X-Twilio-Signature`). */
  headers?: Readonly<Record<string, string>>;
  /** Keep the audio received, for `receivedAudio()`. */
  keepAudio?: boolean;
  /** Timers for media pacing and playback (default: the shared one). */
  scheduler?: PacingScheduler;
  /** Called with each caller frame as it is sent (benchmarks). */
  onMediaSent?(index: number, frame: Int16Array, at: number): void;
  /** Called with each frame of audio received (benchmarks). */
  onMediaReceived?(audio: Int16Array, at: number): void;
}

export interface TwilioCall {
  readonly ids: TwilioStreamIds;
  /** A copy of the record so far. */
  readonly record: TwilioCallRecord;
  /** Resolves when the socket is open and `connected`/`start` are sent; rejects if it cannot open. */
  readonly opened: Promise<void>;
  /** Resolves with the final record once the socket has closed. Never rejects. */
  readonly done: Promise<TwilioCallRecord>;
  /** Queues more caller audio (8 kHz PCM16). */
  sendAudio(audio: Int16Array): void;
  /** Presses a key now. */
  sendDtmf(digit: string): void;
  /** Manual playback: plays `ms` more of the audio sent back. */
  advance(ms: number): void;
  /** Sends `stop` and closes, as Twilio does when the caller hangs up. */
  stop(): Promise<TwilioCallRecord>;
  /** Drops the socket without `stop` (a network failure). */
  terminate(): void;
  /** The audio received so far (with `keepAudio`). */
  receivedAudio(): Int16Array;
}

/**
 * Acts as Twilio for one call: dials the application's stream URL, sends `connected` and
 * `start`, streams caller audio in 20 ms μ-law `media` messages at real time (string sequence
 * numbers, chunks and timestamps), presses keys, plays the audio sent back at real time, echoes
 * each mark once the audio before it has played, honours `clear` (echoing pending marks), and
 * finally sends `stop`. Everything is recorded with timings.
 */
export function simulateTwilioCall(options: TwilioCallOptions): TwilioCall {
  return new SimulatedCall(options);
}

class SimulatedCall implements TwilioCall, Tickable {
  readonly ids: TwilioStreamIds;
  readonly opened: Promise<void>;
  readonly done: Promise<TwilioCallRecord>;
  readonly #options: TwilioCallOptions;
  readonly #scheduler: PacingScheduler;
  readonly #codec: PeerCodec;
  readonly #socket: WebSocket;
  readonly #playback: TwilioPlayback;
  readonly #record: TwilioCallRecord;
  readonly #fast: boolean;
  readonly #queue: Int16Array[] = [];
  readonly #frame = new Int16Array(FRAME_SAMPLES);
  readonly #received: Int16Array[] = [];
  readonly #dtmf: DtmfPress[];
  #queueOffset = 0;
  /** Scripted audio still to send before the tail. */
  #scriptSamples: number;
  #tailFrames: number;
  #t0 = 0;
  #startedAt = 0;
  #framesSent = 0;
  #echoIndex = 0;
  #lastReceivedAt = 0;
  #heardBack = false;
  #stopping: Promise<TwilioCallRecord> | undefined;
  #live = false;
  #resolveDone!: (record: TwilioCallRecord) => void;

  constructor(options: TwilioCallOptions) {
    this.#options = options;
    this.#fast = options.fast ?? false;
    this.#scheduler = options.scheduler ?? defaultPacingScheduler();
    this.ids = {
      streamSid: options.ids?.streamSid ?? sid("MZ"),
      callSid: options.ids?.callSid ?? sid("CA"),
      accountSid: options.ids?.accountSid ?? sid("AC"),
    };
    const dialect = twilio();
    const preparation = dialect.prepare({ runtime: "node", now: Date.now() });
    if (preparation.kind !== "plan") throw new Error("twilio() always has a plan");
    this.#codec = dialect.createPeerCodec!(preparation.plan);
    this.#record = emptyRecord(this.ids);
    this.#dtmf = [...(options.dtmf ?? [])].sort((a, b) => a.atMs - b.atMs);
    if (options.audio && options.audio.length > 0) this.#queue.push(options.audio);
    this.#scriptSamples = options.audio?.length ?? 0;
    this.#tailFrames = Math.ceil((options.tailMs ?? 1000) / TWILIO_FRAME_MS);
    this.#playback = new TwilioPlayback({
      mode: options.playback ?? (this.#fast ? "instant" : "realtime"),
      scheduler: this.#scheduler,
      echo: (name, cleared) => this.#echo(name, cleared),
    });
    this.done = new Promise((resolve) => {
      this.#resolveDone = resolve;
    });

    this.#socket = new WebSocket(options.url, { headers: { ...options.headers }, perMessageDeflate: false });
    this.opened = new Promise((resolve, reject) => {
      this.#socket.once("open", () => {
        this.#begin();
        resolve();
      });
      this.#socket.once("error", (error) => reject(error));
    });
    this.opened.catch(() => {});
    this.#socket.on("error", () => {}); // a reset surfaces as close 1006
    this.#socket.on("message", (data, isBinary) => this.#onMessage(data as Buffer, isBinary));
    this.#socket.on("close", (code, reason) => this.#onClose(code, reason.toString()));
  }

  get record(): TwilioCallRecord {
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
    this.#send(this.#codec.encode({ type: "dtmf-received", digit }));
    this.#record.sent.dtmf.push({ digit, atMs: this.#ms() });
  }

  advance(ms: number): void {
    this.#playback.advance(ms);
  }

  stop(): Promise<TwilioCallRecord> {
    this.#stopping ??= (async () => {
      await this.opened.catch(() => {});
      if (this.#live) {
        this.#live = false;
        this.#scheduler.cancel(this);
        this.#send(this.#codec.encode({ type: "session-ended", reason: "stop" }));
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

  /** Paces the media stream (realtime) or waits for the line to settle (fast). */
  tick(now: number): void {
    if (!this.#live) return;
    if (this.#fast) {
      if (now - this.#lastReceivedAt >= this.#quietMs()) void this.stop();
      else this.#scheduler.wake(this, this.#lastReceivedAt + this.#quietMs());
      return;
    }
    const due = Math.floor((now - this.#startedAt) / TWILIO_FRAME_MS);
    while (this.#live && this.#framesSent <= due) {
      if (this.#scriptDone() && this.#options.stop !== "manual") {
        void this.stop();
        return;
      }
      this.#sendFrame();
    }
    if (this.#live) this.#scheduler.wake(this, this.#startedAt + this.#framesSent * TWILIO_FRAME_MS);
  }

  #begin(): void {
    this.#t0 = this.#scheduler.now();
    this.#lastReceivedAt = this.#t0;
    this.#live = true;
    this.#record.state = "live";
    this.#send(this.#codec.encode({ type: "session-accepted" }));
    this.#send(
      this.#codec.encode({
        type: "session-started",
        ids: { ...this.ids },
        metadata: { tracks: ["inbound"], customParameters: { ...this.#options.customParameters } },
      }),
    );
    this.#startedAt = this.#scheduler.now();
    if (this.#fast) {
      this.#sendQueued();
      if (this.#options.stop !== "manual") this.#scheduler.wake(this, this.#lastReceivedAt + this.#quietMs());
    } else {
      this.tick(this.#startedAt);
    }
  }

  /** Fast mode: everything queued (script, tail) goes now, keys at their audio time. */
  #sendQueued(): void {
    while (this.#live && (this.#queue.length > 0 || this.#tailFrames > 0)) this.#sendFrame();
    if (this.#live) this.#pressDue(Number.POSITIVE_INFINITY);
  }

  #scriptDone(): boolean {
    return this.#scriptSamples <= 0 && this.#tailFrames <= 0 && this.#dtmf.length === 0 && this.#queue.length === 0;
  }

  #sendFrame(): void {
    const frame = this.#frame;
    let filled = 0;
    while (filled < FRAME_SAMPLES && this.#queue.length > 0) {
      const head = this.#queue[0]!;
      const take = Math.min(FRAME_SAMPLES - filled, head.length - this.#queueOffset);
      frame.set(head.subarray(this.#queueOffset, this.#queueOffset + take), filled);
      filled += take;
      this.#queueOffset += take;
      if (this.#queueOffset === head.length) {
        this.#queue.shift();
        this.#queueOffset = 0;
      }
    }
    if (filled < FRAME_SAMPLES) frame.fill(0, filled);
    if (filled > 0) this.#scriptSamples -= filled;
    else if (this.#scriptSamples <= 0 && this.#tailFrames > 0) this.#tailFrames--;
    const index = this.#framesSent++;
    const audioMs = index * TWILIO_FRAME_MS;
    this.#pressDue(audioMs);
    this.#options.onMediaSent?.(index, frame, this.#scheduler.now());
    this.#send(this.#codec.encode({ type: "audio-chunk", audio: frame, sampleRate: TWILIO_SAMPLE_RATE }));
    this.#record.sent.mediaFrames++;
    this.#record.sent.audioMs += TWILIO_FRAME_MS;
  }

  #pressDue(audioMs: number): void {
    while (this.#dtmf.length > 0 && this.#dtmf[0]!.atMs <= audioMs) this.sendDtmf(this.#dtmf.shift()!.digit);
  }

  /** Fast mode's wait before the automatic stop: the quiet period, or longer until anything came back. */
  #quietMs(): number {
    const settleMs = this.#options.settleMs ?? 300;
    return this.#heardBack ? settleMs : (this.#options.firstReplyMs ?? settleMs);
  }

  #onMessage(data: Buffer, isBinary: boolean): void {
    const now = this.#scheduler.now();
    this.#lastReceivedAt = now;
    if (!this.#heardBack) {
      this.#heardBack = true;
      // The wait for a first reply may have been longer than the quiet period that applies now.
      if (this.#fast && this.#live && this.#options.stop !== "manual") this.#scheduler.wake(this, now + this.#quietMs());
    }
    const received = this.#record.received;
    received.messages++;
    const frame: WireFrame = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data.toString("utf8");
    const atMs = now - this.#t0;
    for (const command of this.#codec.decode(frame)) {
      switch (command.type) {
        case "audio-append": {
          const ms = (command.audio.length * 1000) / TWILIO_SAMPLE_RATE;
          received.mediaFrames++;
          received.audioMs += ms;
          received.frameBytes[command.audio.length] = (received.frameBytes[command.audio.length] ?? 0) + 1;
          received.firstMediaAtMs ??= atMs;
          received.lastMediaAtMs = atMs;
          if (this.#options.keepAudio) this.#received.push(command.audio);
          this.#options.onMediaReceived?.(command.audio, now);
          this.#playback.audio(ms);
          break;
        }
        case "mark":
          received.marks.push({ name: command.name, atMs });
          this.#playback.mark(command.name);
          break;
        case "playback-clear": {
          const cleared = this.#playback.clear();
          received.clears.push({ atMs, playedMs: cleared.playedMs, droppedMs: cleared.droppedMs, marksEchoed: cleared.marks });
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

  #echo(name: string, cleared: boolean): void {
    const mark: RecordedMark | undefined = this.#record.received.marks[this.#echoIndex++];
    if (mark) {
      mark.echoedAtMs = this.#ms();
      if (cleared) mark.cleared = true;
    }
    if (this.#socket.readyState === WebSocket.OPEN) this.#send(this.#codec.encode({ type: "mark-played", name }));
  }

  #send(frames: WireFrame[]): void {
    if (this.#socket.readyState !== WebSocket.OPEN) return;
    for (const frame of frames) this.#socket.send(frame);
  }

  #onClose(code: number, reason: string): void {
    const byTwilio = this.#stopping !== undefined;
    this.#live = false;
    this.#scheduler.cancel(this);
    this.#syncPlayback();
    this.#playback.dispose();
    this.#record.state = "closed";
    this.#record.close = { code, reason, by: byTwilio ? "twilio" : "application" };
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

/** A Twilio-shaped SID: two letters and 32 hex digits. */
function sid(prefix: string): string {
  return prefix + randomBytes(16).toString("hex");
}

function eventName(frame: WireFrame): string {
  if (typeof frame !== "string") return "(binary)";
  const match = /"event"\s*:\s*"([^"]{1,40})"/.exec(frame);
  return match ? match[1]! : "(unknown)";
}
