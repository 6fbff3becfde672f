/*
 * The agent side of the load benchmark, in its own process: an Omni-wire agent at 8 kHz (the
 * same peer codec the Omni simulator uses) that, once it knows which call a session belongs to,
 * talks continuously at real time in stamped 20 ms frames, and logs the latency of every
 * stamped caller frame it receives. Real-time pacing with one timer per session, each on its own
 * phase, as independent calls would be.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ConnectPlan, PeerCodec } from "@voxwire/core";
import { createOmniPeerCodec, OMNI_PATH, OMNI_SUBPROTOCOL_PREFIX } from "@voxwire/omni/testing";
import { type WebSocket, WebSocketServer } from "ws";
import { createTimerScheduler, type Tickable } from "../src/index.js";
import { createDriverWindow } from "./driver-window.js";
import { monotonicUs, readStamp, stampFrame, voiceFrame } from "./frame-stamp.js";

const origin = Number(process.env.BENCH_ORIGIN_US);
const FRAME_MS = 20;
const format = { encoding: "pcm16", sampleRate: 8000, frameMs: FRAME_MS } as const;
const plan: ConnectPlan = { url: OMNI_PATH, audio: { outbound: format, inbound: format }, secrets: [] };
const scheduler = createTimerScheduler();
const measure = createDriverWindow(origin);
const log = measure.log;
const sessions = new Set<AgentSession>();
const template = voiceFrame(160);
let opened = 0;
let closed = 0;

class AgentSession implements Tickable {
  #callId: number | undefined;
  #start = 0;
  #seq = 0;
  readonly #codec: PeerCodec;

  constructor(private readonly socket: WebSocket) {
    this.#codec = createOmniPeerCodec(plan);
    for (const frame of [
      ...this.#codec.encode({ type: "session-accepted" }),
      ...this.#codec.encode({ type: "session-started", ids: { session_id: `bench-${opened}` } }),
    ])
      socket.send(frame);
    socket.on("message", (data, isBinary) => this.#onMessage(data as Buffer, isBinary));
    socket.on("close", () => this.#end());
    socket.on("error", () => {});
  }

  tick(now: number): void {
    if (this.socket.readyState !== 1) return;
    // Never a burst: a tick that comes late sends one frame and shifts the schedule, so the bridge's
    // pacer never holds a backlog made by this process falling behind.
    if (now - (this.#start + this.#seq * FRAME_MS) > FRAME_MS) this.#start = now - this.#seq * FRAME_MS;
    const due = Math.floor((now - this.#start) / FRAME_MS);
    while (this.#seq <= due) {
      const frame = template.slice();
      stampFrame(frame, this.#callId!, this.#seq++, monotonicUs(origin));
      for (const wire of this.#codec.encode({ type: "audio-chunk", audio: frame, sampleRate: 8000 })) this.socket.send(wire);
    }
    scheduler.wake(this, this.#start + this.#seq * FRAME_MS);
  }

  #onMessage(data: Buffer, isBinary: boolean): void {
    if (!isBinary) return; // DTMF and other text
    const pcm = new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + (data.byteLength & ~1)));
    const stamp = readStamp(pcm);
    log.record(stamp);
    if (stamp && this.#callId === undefined) {
      // The first stamped caller frame says which call this is: start talking back.
      this.#callId = stamp.callId;
      this.#start = scheduler.now();
      this.tick(this.#start);
    }
  }

  #end(): void {
    scheduler.cancel(this);
    sessions.delete(this);
    closed++;
  }
}

const wss = new WebSocketServer({
  noServer: true,
  perMessageDeflate: false,
  handleProtocols: (offered) => [...offered].find((p) => p.startsWith(OMNI_SUBPROTOCOL_PREFIX)) ?? false,
});
const server = createServer((_req, res) => res.writeHead(404).end());
server.on("upgrade", (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    opened++;
    sessions.add(new AgentSession(ws));
  });
});
server.listen(0, "127.0.0.1", () => {
  process.send!({ type: "ready", port: (server.address() as AddressInfo).port });
});

process.on("message", (message: { cmd: string }) => {
  switch (message.cmd) {
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
        sessions: { live: sessions.size, opened, closed },
      });
      break;
    case "shutdown":
      for (const client of wss.clients) client.terminate();
      server.close(() => process.exit(0));
      break;
  }
});
