// Peers that hold a session without doing anything: silent, dripping, half-open, deaf to our close.
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectOpen } from "../../test/connect-open.js";
import { encodeFrame, type HostileConnection, type HostilePeer, type HostilePeerOptions, startHostilePeer } from "../../test/hostile-peer.js";
import { toy } from "../../test/toy-dialect.js";
import { startToyServer, type ToyServer } from "../../test/toy-server.js";
import type { InboundEventOf } from "../events/inbound.js";
import type { ConnectOptions, Session } from "./types.js";

const KEY = "toy-liveness-key";
const peers: HostilePeer[] = [];
const sessions: Session[] = [];
let toyServer: ToyServer | undefined;

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => Promise.race([s.close(), new Promise((r) => setTimeout(r, 500))])));
  await Promise.all(peers.splice(0).map((p) => p.close()));
  await toyServer?.close();
  toyServer = undefined;
});

async function openHostile(options: HostilePeerOptions, connectOptions: ConnectOptions, inactivityMs?: number) {
  const peer = await startHostilePeer(options);
  peers.push(peer);
  const next = peer.nextConnection();
  const dialect = toy({ url: `${peer.url}/ws`, key: KEY, ...(inactivityMs === undefined ? {} : { inactivityMs }) });
  const session = await connectOpen(dialect, connectOptions);
  sessions.push(session);
  const errors: InboundEventOf<"error">[] = [];
  session.on("error", (event) => errors.push(event));
  return { session, wire: await next, errors, peer };
}

/** The client dropped TCP: the peer's side reads EOF (it is half-open from there on, so "end", not "close"). */
const tcpClosed = (wire: HostileConnection) =>
  new Promise<void>((resolve) => {
    if (wire.socket.readableEnded || wire.socket.destroyed) resolve();
    wire.socket.once("end", () => resolve());
    wire.socket.once("close", () => resolve());
  });

describe("inactivity deadline", () => {
  it("a peer silent after the handshake ends the session with a retryable peer_inactive TimeoutError", async () => {
    const started = Date.now();
    const { session, errors, wire } = await openHostile({}, { inactivityTimeoutMs: 300, pingIntervalMs: 0 });
    const ended = await session.ended;
    expect(Date.now() - started).toBeLessThan(1500);
    expect(ended.reason).toBe("timeout");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "timeout", retryable: true });
    expect(errors[0]!.error).toMatchObject({ name: "TimeoutError", vendorCode: "peer_inactive" });
    await tcpClosed(wire); // dropped, not left waiting on a close handshake
  });

  it("the dialect's own deadline is the default; the application's option wins over it", async () => {
    const quick = await openHostile({}, { pingIntervalMs: 0 }, 300);
    expect((await quick.session.ended).reason).toBe("timeout");
    expect(quick.errors[0]!.error).toMatchObject({ vendorCode: "peer_inactive" });
    const overridden = await openHostile({}, { pingIntervalMs: 0, inactivityTimeoutMs: 200 }, 600_000);
    expect((await overridden.session.ended).reason).toBe("timeout");
  });

  it("a dialect whose vendor stays quiet while the user does (inactivityMs 0) is not ended by silence, where the default would", async () => {
    // Time that also runs on its own, so the dial's own timers fire; ten minutes pass at once after.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
    let usualEnd: string | undefined;
    let quiet: Awaited<ReturnType<typeof openHostile>>;
    try {
      quiet = await openHostile({}, { pingIntervalMs: 0 }, 0);
      const usual = await openHostile({}, { pingIntervalMs: 0 });
      void usual.session.ended.then((ended) => {
        usualEnd = ended.reason;
      });
      await vi.advanceTimersByTimeAsync(10 * 60_000);
    } finally {
      vi.useRealTimers();
    }
    expect(usualEnd).toBe("timeout");
    expect(quiet.session.state).toBe("open");
    expect(quiet.errors).toEqual([]);
  });

  it("a peer dripping one frame a byte at a time cannot hold the session", async () => {
    const { session, errors, wire } = await openHostile({}, { inactivityTimeoutMs: 400, pingIntervalMs: 0 });
    void wire.drip(encodeFrame(1, Buffer.from(JSON.stringify({ type: "transcript", role: "agent", text: "x".repeat(200) }))), 1, 20);
    const ended = await session.ended;
    expect(ended.reason).toBe("timeout");
    expect(errors[0]!.error).toMatchObject({ vendorCode: "peer_inactive" });
  });

  it("a peer that keeps talking is never timed out", async () => {
    const { session, wire } = await openHostile({}, { inactivityTimeoutMs: 300, pingIntervalMs: 0 });
    const timer = setInterval(() => wire.text(JSON.stringify({ type: "x" })), 80);
    await new Promise((r) => setTimeout(r, 1000));
    clearInterval(timer);
    expect(session.state).toBe("open");
  });
});

describe("pings (ws sockets)", () => {
  it("a peer that never answers a ping ends the session as half-open (pong_timeout)", async () => {
    const { session, errors, wire } = await openHostile({}, { inactivityTimeoutMs: 0, pingIntervalMs: 100, pongTimeoutMs: 200 });
    const ping = await wire.nextFrame(9);
    expect(ping.opcode).toBe(9);
    const ended = await session.ended;
    expect(ended.reason).toBe("timeout");
    expect(errors[0]!.error).toMatchObject({ name: "TimeoutError", vendorCode: "pong_timeout", retryable: true });
  });

  it("a peer that answers pings stays open (the hand-rolled peer, and a real ws server)", async () => {
    const { session, wire } = await openHostile({ answerPings: true }, { inactivityTimeoutMs: 0, pingIntervalMs: 50, pongTimeoutMs: 100 });
    toyServer = await startToyServer({ keys: [KEY] });
    const real = await connectOpen(toy({ url: toyServer.url, key: KEY }), { inactivityTimeoutMs: 0, pingIntervalMs: 50, pongTimeoutMs: 100 });
    sessions.push(real);
    await new Promise((r) => setTimeout(r, 800));
    expect(wire.received.filter((f) => f.opcode === 9).length).toBeGreaterThanOrEqual(5);
    expect(session.state).toBe("open");
    expect(real.state).toBe("open");
  });

  it("a stalled event loop is not a dead peer: the pong that came during the stall still counts", async () => {
    toyServer = await startToyServer({ keys: [KEY] });
    const peer = toyServer.nextSocket();
    const session = await connectOpen(toy({ url: toyServer.url, key: KEY }), { inactivityTimeoutMs: 0, pingIntervalMs: 50, pongTimeoutMs: 100 });
    sessions.push(session);
    const errors: InboundEventOf<"error">[] = [];
    session.on("error", (event) => errors.push(event));
    let stalls = 0;
    // ws has queued its pong when it emits "ping"; blocking here leaves that pong unread on our side.
    (await peer).on("ping", () => {
      if (stalls++ >= 3) return;
      const until = Date.now() + 300;
      while (Date.now() < until);
    });
    // Three stalls, however long a loaded machine takes to get through them.
    const deadline = Date.now() + 10_000;
    while (stalls < 3 && session.state === "open" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200)); // the verdict after the third stall
    expect(stalls).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    expect(session.state).toBe("open");
  });

  it("a loop late on every tick still catches a peer that never answers a ping", async () => {
    // Each liveness tick (every 25 ms here) comes 60 ms or more after the last one.
    const blocker = setInterval(() => {
      const until = Date.now() + 60;
      while (Date.now() < until);
    }, 1);
    try {
      const { session, errors } = await openHostile({}, { inactivityTimeoutMs: 0, pingIntervalMs: 100, pongTimeoutMs: 200 });
      const ended = await Promise.race([session.ended, new Promise<undefined>((r) => setTimeout(r, 3000))]);
      expect(ended?.reason).toBe("timeout");
      expect(errors[0]!.error).toMatchObject({ vendorCode: "pong_timeout" });
    } finally {
      clearInterval(blocker);
    }
  });
});

describe("the close handshake is bounded", () => {
  it("close() against a peer that never answers our close frame drops the TCP connection within seconds", async () => {
    const { session, wire } = await openHostile({ answerClose: false }, { pingIntervalMs: 0 });
    const started = Date.now();
    await session.close("bye");
    const closeFrame = await wire.nextFrame(8);
    expect(closeFrame.payload.readUInt16BE(0)).toBe(1000);
    await tcpClosed(wire);
    // ws alone would wait 30 s for the peer's close frame.
    expect(Date.now() - started).toBeLessThan(5000);
  }, 10_000);

  it("a session ended by the runtime (the peer's bye) drops a peer that never finishes the close", async () => {
    const { session, wire } = await openHostile({ answerClose: false }, { pingIntervalMs: 0 });
    const started = Date.now();
    wire.text(JSON.stringify({ type: "bye", reason: "done" }));
    await session.ended;
    await wire.nextFrame(8);
    await tcpClosed(wire);
    expect(Date.now() - started).toBeLessThan(5000);
  }, 10_000);
});
