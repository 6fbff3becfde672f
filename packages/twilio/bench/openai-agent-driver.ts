/*
 * The agent side of the side-by-side benchmark, in its own process: OpenAI Realtime's vendor side
 * as the simulator serves it (the `openaiFront` of @voxwire/openai/testing, G.711 μ-law both
 * ways: its upgrade rules, its `session.created` / `session.updated` handshake and its codec),
 * with the simulator's scripted speaker replaced by a talker that, once it knows which call a
 * session belongs to, sends stamped 20 ms `response.output_audio.delta` frames at real time and
 * logs the latency of every stamped caller frame it receives. Both sides under test (voxwire's
 * bridge and the peer's transport) talk to this same process, so what differs is only the bridge.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { FrontConnection, UpgradeContext } from "@voxwire/conformance";
import type { WireFrame } from "@voxwire/core";
import { openaiFront } from "@voxwire/openai/testing";
import { type WebSocket, WebSocketServer } from "ws";
import { createTimerScheduler, type Tickable } from "../src/index.js";
import { createDriverWindow } from "./driver-window.js";
import { monotonicUs, readStamp, stampFrame, voiceFrame } from "./frame-stamp.js";

const origin = Number(process.env.BENCH_ORIGIN_US);
const FRAME_MS = 20;
const front = openaiFront({ audio: "pcmu" });
const scheduler = createTimerScheduler();
const measure = createDriverWindow(origin);
const log = measure.log;
const template = voiceFrame(160);
let opened = 0;
let refused = 0;
const sessions = new Set<AgentSession>();

class AgentSession implements Tickable {
  #callId: number | undefined;
  #start = 0;
  #seq = 0;
  #live = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly connection: FrontConnection,
    private readonly id: string,
  ) {
    socket.on("message", (data, isBinary) => this.#onFrame(isBinary ? new Uint8Array(data as Buffer) : (data as Buffer).toString()));
    socket.on("close", () => this.#end());
    socket.on("error", () => {});
  }

  tick(now: number): void {
    if (this.socket.readyState !== 1) return;
    // Never a burst: a late tick sends one frame and shifts the schedule.
    if (now - (this.#start + this.#seq * FRAME_MS) > FRAME_MS) this.#start = now - this.#seq * FRAME_MS;
    const due = Math.floor((now - this.#start) / FRAME_MS);
    while (this.#seq <= due) {
      const frame = template.slice();
      stampFrame(frame, this.#callId!, this.#seq++, monotonicUs(origin));
      this.#send(this.connection.codec.encode({ type: "audio-chunk", audio: frame, sampleRate: 8000, turnId: `item_talk_${this.id}` }));
    }
    scheduler.wake(this, this.#start + this.#seq * FRAME_MS);
  }

  #onFrame(frame: WireFrame): void {
    if (!this.#live) {
      const step = this.connection.handshake!(frame);
      if (step.type === "refuse") {
        refused++;
        if (refused <= 3) process.stderr.write(`openai-agent-driver: refused a session (${step.reason}): ${String(frame).slice(0, 400)}\n`);
        this.socket.close(step.code, step.reason);
        return;
      }
      if (step.type !== "start") return;
      this.#live = true;
      this.#send(this.connection.codec.encode({ type: "session-accepted" }));
      this.#send(this.connection.codec.encode({ type: "session-started", ids: { ...this.connection.ids } }));
      if (step.decode !== true) return;
    }
    if (process.env.BENCH_DEBUG && typeof frame === "string" && !frame.includes("input_audio_buffer.append"))
      process.stderr.write(`agent got: ${frame.slice(0, 300)}\n`);
    for (const command of this.connection.codec.decode(frame)) {
      if (command.type !== "audio-append") continue;
      const stamp = readStamp(command.audio);
      log.record(stamp);
      if (stamp && this.#callId === undefined) {
        // The first stamped caller frame says which call this is: start talking back.
        this.#callId = stamp.callId;
        this.#start = scheduler.now();
        this.tick(this.#start);
      }
    }
    const replies = this.connection.takeReplies?.() ?? [];
    if (replies.length > 0) this.#send(replies);
  }

  #send(frames: readonly WireFrame[]): void {
    for (const frame of frames) this.socket.send(frame);
  }

  #end(): void {
    scheduler.cancel(this);
    sessions.delete(this);
  }
}

const protocols = new WeakMap<IncomingMessage, string>();
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, handleProtocols: (_offered, req) => protocols.get(req) ?? false });
const server = createServer((_req, res) => res.writeHead(404).end());
let port = 0;
server.on("upgrade", (req, socket, head) => {
  const id = `sim-${opened + refused + 1}`;
  const ctx: UpgradeContext = {
    checkKey: () => "ok",
    atCapacity: false,
    originAllowed: () => true,
    agentKnown: () => true,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    sessionId: id,
  };
  const decision = front.upgrade(req, ctx);
  if (decision.type === "reject") {
    refused++;
    process.stderr.write(`openai-agent-driver: refused an upgrade (${decision.status}): ${JSON.stringify(decision.body)}\n`);
    socket.end(`HTTP/1.1 ${decision.status} Refused\r\nConnection: close\r\n\r\n`);
    return;
  }
  if (decision.protocol) protocols.set(req, decision.protocol);
  wss.handleUpgrade(req, socket, head, (ws) => {
    opened++;
    sessions.add(new AgentSession(ws, decision.connection, id));
  });
});
server.listen(0, "127.0.0.1", () => {
  port = (server.address() as AddressInfo).port;
  process.send!({ type: "ready", port });
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
        sessions: { live: sessions.size, opened, refused },
      });
      break;
    case "shutdown":
      for (const client of wss.clients) client.terminate();
      server.close(() => process.exit(0));
      break;
  }
});
