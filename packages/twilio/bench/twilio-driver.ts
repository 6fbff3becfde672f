/*
 * The Twilio side of the load benchmark, in its own process: N calls dialing the bridge's
 * `/media`, each acting as Twilio does (the package's Twilio peer codec): `connected`, `start`,
 * then a stamped 20 ms μ-law `media` message every 20 ms at real time, on its own random phase;
 * the audio sent back is "played" at real time, its marks echoed when reached (all at once on
 * `clear`), and every stamped frame's latency logged.
 */
import { randomBytes } from "node:crypto";
import type { ConnectPlan, PeerCodec } from "@voxwire/core";
import { WebSocket } from "ws";
import { createTimerScheduler, type Tickable, twilio } from "../src/index.js";
import { createDriverWindow } from "./driver-window.js";
import { monotonicUs, readStamp, stampFrame, voiceFrame } from "./frame-stamp.js";

const origin = Number(process.env.BENCH_ORIGIN_US);
const FRAME_MS = 20;
const dialect = twilio();
const plan = (dialect.prepare({ runtime: "node", now: 0 }) as { plan: ConnectPlan }).plan;
const scheduler = createTimerScheduler();
const measure = createDriverWindow(origin);
const log = measure.log;
const calls = new Set<CallDriver>();
const totals = { live: 0, failed: 0, opened: 0, closedByBridge: 0, marksEchoed: 0, clears: 0, mediaReceived: 0, wrongFrameSize: 0 };

/** Twilio's playback of one stream: marks come back when the audio before them has played. */
class Playback implements Tickable {
  #playedUntil = 0;
  readonly #marks: { name: string; due: number }[] = [];

  constructor(private readonly echo: (name: string) => void) {}

  audio(ms: number, now: number): void {
    this.#playedUntil = Math.max(this.#playedUntil, now) + ms;
  }

  mark(name: string, now: number): void {
    this.#marks.push({ name, due: Math.max(this.#playedUntil, now) });
    if (this.#marks.length === 1) scheduler.wake(this, this.#marks[0]!.due);
  }

  clear(now: number): void {
    this.#playedUntil = now;
    scheduler.cancel(this);
    for (const mark of this.#marks.splice(0)) this.echo(mark.name);
    totals.clears++;
  }

  tick(now: number): void {
    while (this.#marks.length > 0 && this.#marks[0]!.due <= now) this.echo(this.#marks.shift()!.name);
    if (this.#marks.length > 0) scheduler.wake(this, this.#marks[0]!.due);
  }

  dispose(): void {
    scheduler.cancel(this);
  }
}

class CallDriver implements Tickable {
  readonly #codec: PeerCodec = dialect.createPeerCodec!(plan);
  readonly #socket: WebSocket;
  readonly #frame = voiceFrame(160);
  readonly #playback: Playback;
  #start = 0;
  #seq = 0;
  #live = false;
  readonly ended: Promise<void>;

  constructor(
    private readonly callId: number,
    url: string,
  ) {
    this.#socket = new WebSocket(url, { perMessageDeflate: false });
    this.#playback = new Playback((name) => {
      totals.marksEchoed++;
      this.#send(this.#codec.encode({ type: "mark-played", name }));
    });
    this.ended = new Promise((resolve) => this.#socket.once("close", () => resolve()));
    this.#socket.on("open", () => this.#begin());
    this.#socket.on("message", (data) => this.#onMessage(data.toString()));
    this.#socket.on("close", () => {
      if (this.#live) totals.closedByBridge++;
      this.#live = false;
      scheduler.cancel(this);
      this.#playback.dispose();
      calls.delete(this);
    });
    this.#socket.on("error", () => {
      if (!this.#live) totals.failed++;
    });
  }

  tick(now: number): void {
    if (!this.#live) return;
    // Never a burst: a tick that comes late sends one frame and shifts the schedule, so the bridge's
    // pacer never holds a backlog made by this process falling behind.
    if (now - (this.#start + this.#seq * FRAME_MS) > FRAME_MS) this.#start = now - this.#seq * FRAME_MS;
    const due = Math.floor((now - this.#start) / FRAME_MS);
    while (this.#seq <= due) {
      stampFrame(this.#frame, this.callId, this.#seq++, monotonicUs(origin));
      this.#send(this.#codec.encode({ type: "audio-chunk", audio: this.#frame, sampleRate: 8000 }));
    }
    scheduler.wake(this, this.#start + this.#seq * FRAME_MS);
  }

  stop(): void {
    if (!this.#live) {
      // Never opened (or already closing): drop it rather than wait for a handshake.
      this.#socket.terminate();
      return;
    }
    this.#live = false;
    scheduler.cancel(this);
    this.#send(this.#codec.encode({ type: "session-ended", reason: "stop" }));
    this.#socket.close(1000, "stop");
  }

  #begin(): void {
    totals.opened++;
    this.#live = true;
    const ids = {
      streamSid: `MZ${randomBytes(16).toString("hex")}`,
      callSid: `CA${randomBytes(16).toString("hex")}`,
      accountSid: `AC${"0".repeat(32)}`,
    };
    this.#send(this.#codec.encode({ type: "session-accepted" }));
    this.#send(this.#codec.encode({ type: "session-started", ids, metadata: { customParameters: { call: String(this.callId) } } }));
    this.#start = scheduler.now() + Math.random() * FRAME_MS;
    scheduler.wake(this, this.#start);
  }

  #onMessage(text: string): void {
    const now = scheduler.now();
    for (const command of this.#codec.decode(text)) {
      if (command.type === "audio-append") {
        totals.mediaReceived++;
        if (command.audio.length !== 160) totals.wrongFrameSize++;
        log.record(readStamp(command.audio));
        this.#playback.audio((command.audio.length * 1000) / 8000, now);
      } else if (command.type === "mark") {
        this.#playback.mark(command.name, now);
      } else if (command.type === "playback-clear") {
        this.#playback.clear(now);
      }
    }
  }

  #send(frames: readonly (string | Uint8Array)[]): void {
    if (this.#socket.readyState !== WebSocket.OPEN) return;
    for (const frame of frames) this.#socket.send(frame);
  }
}

process.on("message", async (message: { cmd: string; url?: string; calls?: number; rampMs?: number }) => {
  switch (message.cmd) {
    case "start-calls": {
      const n = message.calls!;
      for (let i = 0; i < n; i++) {
        calls.add(new CallDriver(i + 1, message.url!));
        await new Promise((resolve) => setTimeout(resolve, message.rampMs! / n));
      }
      process.send!({ type: "calls-started", opened: totals.opened });
      break;
    }
    case "window-start":
      measure.start();
      break;
    case "window-stop":
      measure.stop();
      break;
    case "report":
      process.send!({
        type: "report",
        ...measure.report(),
        totals: { ...totals, live: calls.size },
      });
      break;
    case "stop-calls": {
      const live = [...calls];
      for (const call of live) call.stop();
      await Promise.all(live.map((call) => call.ended));
      process.send!({ type: "calls-stopped" });
      break;
    }
    case "shutdown":
      process.exit(0);
  }
});
process.send!({ type: "ready" });
