// The simulator engine against clients that try to make it hold memory or sessions forever,
// over real loopback sockets, with a minimal front (any dialect's front gets the same engine).
import type { PeerCodec, PeerDecoded, WireFrame } from "@voxwire/core";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type Simulator, type SimulatorOptions, startSimulator } from "../src/simulator/start-simulator.js";
import type { HandshakeStep, VendorFront } from "../src/simulator/vendor-front.js";

const sims: Simulator[] = [];
const clients: WebSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

/** Text frames are JSON pass-throughs kept whole as `raw`; `{"type":"stop"}` stops the session. */
const codec: PeerCodec = {
  encode: () => [],
  decode(frame: WireFrame): PeerDecoded[] {
    if (typeof frame !== "string") return [{ type: "audio-append", audio: new Int16Array(0), sampleRate: 16000 }];
    if (frame === '{"type":"stop"}') return [{ type: "session-stop" }];
    return [{ type: "passthrough", name: "client", payload: { length: frame.length }, raw: frame }];
  },
};

/** A front; with `token`, a first-message handshake that starts on `{"token":"ok"}`. */
function front(token: boolean): VendorFront {
  return {
    dialect: "bounds-test",
    upgrade: () => ({
      type: "accept",
      connection: {
        codec,
        rates: { user: 16000, agent: 16000 },
        ids: {},
        ...(token
          ? {
              handshake: (frame: WireFrame): HandshakeStep =>
                frame === '{"token":"ok"}' ? { type: "start" } : { type: "refuse", code: 4401, reason: "bad token" },
            }
          : {}),
      },
    }),
  };
}

async function sim(options: Partial<SimulatorOptions> = {}, token = false): Promise<Simulator> {
  const started = await startSimulator({ front: front(token), fast: true, ...options });
  sims.push(started);
  return started;
}

async function client(s: Simulator): Promise<WebSocket> {
  const ws = new WebSocket(`${s.wsUrl}/ws`);
  clients.push(ws);
  ws.on("error", () => {});
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  return ws;
}

const closed = (ws: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: String(reason) })));

const eventually = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("the simulator keeps bounded records", () => {
  it("many large text frames: each kept text is a prefix, the frames and bytes are still counted", async () => {
    const s = await sim();
    const ws = await client(s);
    const big = `{"pad":"${"p".repeat(900_000)}"}`;
    for (let i = 0; i < 40; i++) ws.send(big);
    await eventually(() => s.sessions()[0]!.received.frames === 40, 20_000);
    const record = s.sessions()[0]!;
    expect(record.received.bytes).toBe(40 * big.length);
    expect(record.received.commandsSeen).toBe(40);
    for (const command of record.received.commands) {
      expect(String((command as { raw: string }).raw).length).toBeLessThanOrEqual(1025);
    }
    expect(JSON.stringify(record).length).toBeLessThan(200_000);
  }, 30_000);

  it("many small frames: the first maxRecordedCommands are kept, the rest counted", async () => {
    const s = await sim({ recordLimits: { maxRecordedCommands: 100 } });
    const ws = await client(s);
    for (let i = 0; i < 5000; i++) ws.send(`{"n":${i}}`);
    await eventually(() => s.sessions()[0]!.received.commandsSeen === 5000, 20_000);
    const record = s.sessions()[0]!;
    expect(record.received.commands).toHaveLength(100);
    expect((record.received.commands[99] as { raw: string }).raw).toBe('{"n":99}');
  }, 30_000);

  it("a message over maxPayloadBytes is refused by ws (close 1009) before it is buffered", async () => {
    const s = await sim();
    const ws = await client(s);
    const closing = closed(ws);
    ws.send(new Uint8Array(2 << 20));
    expect((await closing).code).toBe(1009);
    const small = await sim({ maxPayloadBytes: 1024 });
    const ws2 = await client(small);
    const closing2 = closed(ws2);
    ws2.send("x".repeat(2048));
    expect((await closing2).code).toBe(1009);
  });

  it("ended sessions are released past keepSessions; live ones are always listed", async () => {
    const s = await sim({ keepSessions: 3 });
    for (let i = 0; i < 6; i++) {
      const ws = await client(s);
      const closing = closed(ws);
      ws.send('{"type":"stop"}');
      await closing;
    }
    const live = await client(s);
    await eventually(() => s.sessions().length === 4);
    await eventually(() => s.sessions().filter((r) => r.state === "ended").length === 3);
    expect(s.sessions().map((r) => r.id)).toEqual(["sim-4", "sim-5", "sim-6", "sim-7"]);
    expect(s.sessions()[3]!.state).toBe("live");
    live.close();
  });
});

describe("a first-message deadline on every accepted socket", () => {
  it("a socket that never sends its token is closed (1008) within firstMessageTimeoutMs and recorded as refused", async () => {
    const s = await sim({ firstMessageTimeoutMs: 300 }, true);
    const started = Date.now();
    const ws = await client(s);
    const { code, reason } = await closed(ws);
    expect(code).toBe(1008);
    expect(reason).toBe("handshake_timeout");
    expect(Date.now() - started).toBeLessThan(2000);
    await eventually(() => s.sessions()[0]!.state === "refused");
    await eventually(() => s.liveSessions().length === 0);
  });

  it("a socket that authenticates in time stays open past the deadline", async () => {
    const s = await sim({ firstMessageTimeoutMs: 300 }, true);
    const ws = await client(s);
    ws.send('{"token":"ok"}');
    await new Promise((r) => setTimeout(r, 600));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(s.sessions()[0]!.state).toBe("live");
  });

  it("without a handshake, a socket that never sends a frame is closed too", async () => {
    const s = await sim({ firstMessageTimeoutMs: 300 });
    const ws = await client(s);
    const { code } = await closed(ws);
    expect(code).toBe(1008);
  });
});
