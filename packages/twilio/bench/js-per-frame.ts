/*
 * The JavaScript cost per frame with the kernel taken out: 200 calls over in-memory sockets
 * (sends go nowhere), each fed one Twilio `media` and one 20 ms Omni frame every 20 ms. Run once
 * through the bridge and once with the two sessions wired straight to each other (no pacing,
 * marks or ledger): the difference is the bridge's own work, the rest is the session runtime's.
 * Forked by run.ts with BENCH_WIRING=bridge|direct; reports over IPC.
 */
import { accept, base64Encode, connect, mulawEncode, type Session, type WebSocketLike } from "@voxwire/core";
import { omni } from "@voxwire/omni";
import { bridge, createSharedScheduler, twilio } from "../src/index.js";

const CALLS = 200;
const ROUNDS = 250; // 5 s of audio per call

/** A socket that opens at once and sends nowhere. */
class NullSocket implements WebSocketLike {
  readyState = 1;
  bufferedAmount = 0;
  protocol = "";
  binaryType = "nodebuffer";
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  static last: NullSocket | undefined;
  constructor(..._args: unknown[]) {
    NullSocket.last = this;
    setTimeout(() => this.onopen?.({}), 0);
  }
  /** The agent's side: opens, then says the session started (Omni's `session_started`), which connect() waits for. */
  static agent(...args: unknown[]): NullSocket {
    const socket = new NullSocket(...args);
    setTimeout(() => socket.onmessage?.({ data: '{"type":"session_started"}' }), 1);
    return socket;
  }
  send(): void {}
  close(code = 1000): void {
    this.readyState = 3;
    setTimeout(() => this.onclose?.({ code, reason: "" }), 0);
  }
}

const wiring = process.env.BENCH_WIRING === "direct" ? "direct" : "bridge";
const scheduler = createSharedScheduler();
const legs: { phone: NullSocket; agent: NullSocket; sessions: Session[] }[] = [];
for (let i = 0; i < CALLS; i++) {
  const phoneSocket = new NullSocket();
  const phone = accept(twilio(), phoneSocket);
  const agent = await connect(omni({ agentId: "agent_bench", apiKey: "pyai_test_benchkey", rate: 8000, baseUrl: "ws://127.0.0.1:1" }), {
    WebSocket: function AgentSocket(...args: unknown[]) {
      return NullSocket.agent(...args);
    } as never,
    input: { sampleRate: 8000 },
  });
  const agentSocket = NullSocket.last!;
  if (wiring === "bridge") {
    bridge(phone, agent, { scheduler });
  } else {
    for (const session of [phone, agent]) void session.events({ keepOpen: true }).return?.();
    phone.on("audio-chunk", (event) => agent.sendAudio(event.audio));
    agent.on("audio-chunk", (event) => phone.sendAudio(event.audio));
  }
  legs.push({ phone: phoneSocket, agent: agentSocket, sessions: [phone, agent] });
}
await new Promise((resolve) => setTimeout(resolve, 20));
const sid = `MZ${"1".repeat(32)}`;
for (const { phone } of legs) {
  phone.onmessage!({ data: JSON.stringify({ event: "connected", protocol: "Call", version: "1.0.0" }) });
  phone.onmessage!({
    data: JSON.stringify({
      event: "start",
      sequenceNumber: "1",
      streamSid: sid,
      start: {
        streamSid: sid,
        callSid: `CA${"2".repeat(32)}`,
        accountSid: `AC${"3".repeat(32)}`,
        tracks: ["inbound"],
        customParameters: {},
        mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 },
      },
    }),
  });
}
await new Promise((resolve) => setTimeout(resolve, 20));
const pcm = Int16Array.from({ length: 160 }, (_, i) => ((i * 37) % 2000) - 1000);
const media = JSON.stringify({
  event: "media",
  sequenceNumber: "3",
  streamSid: sid,
  media: { track: "inbound", chunk: "1", timestamp: "5", payload: base64Encode(mulawEncode(pcm)) },
});
const pcmBytes = new Uint8Array(pcm.buffer);
const cpu = process.cpuUsage();
for (let round = 0; round < ROUNDS; round++) {
  for (const { phone, agent } of legs) {
    phone.onmessage!({ data: media });
    agent.onmessage!({ data: Buffer.from(pcmBytes) }); // a socket delivers a fresh buffer per message
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const used = process.cpuUsage(cpu);
process.send!({ type: "js-per-frame", wiring, usPerFrame: (used.user + used.system) / (ROUNDS * CALLS * 2) });
process.exit(0);
