// Surviving the network (#18): a dropped connection is replaced in the same Session when the
// policy allows or the vendor resumes; audio sent in the gap waits in the bounded queue.
import { afterEach, describe, expect, it } from "vitest";
import { toy } from "../../test/toy-dialect.js";
import { startToyServer, type ToyServer } from "../../test/toy-server.js";
import type { InboundEvent } from "../events/inbound.js";
import { connect } from "./connect.js";
import { backoffMs, reconnectPolicy } from "./reconnect-policy.js";
import type { Session } from "./types.js";

const KEY = "toy-test-key";
let server: ToyServer | undefined;
const sessions: Session[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await server?.close();
  server = undefined;
});

const waitFor = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** A server that starts every session it accepts, and lets the test act on each socket. */
async function serve() {
  server = await startToyServer();
  server.onConnection = (ws) => {
    ws.send(JSON.stringify({ type: "hello" }));
    ws.send(JSON.stringify({ type: "started", id: `s-${server!.sockets.length}` }));
  };
  return server;
}

function collect(session: Session): InboundEvent[] {
  const events: InboundEvent[] = [];
  session.on("*", (event) => events.push(event));
  return events;
}

describe("reconnect", () => {
  it("a retryable drop (1012) is replaced in the same session; audio sent in the gap arrives after", async () => {
    const s = await serve();
    const session = await connect(toy({ url: s.url, key: KEY }), { reconnect: { retries: 2, backoff: { initialMs: 30, jitter: 0 } } });
    sessions.push(session);
    const events = collect(session);
    s.sockets[0]!.close(1012, "restart");
    await waitFor(() => events.some((e) => e.type === "debug"));
    session.sendAudio(new Int16Array(320).fill(7)); // in the gap: queued, not lost
    await waitFor(() => events.some((e) => e.type === "session-reconnected"));
    const reconnected = events.find((e) => e.type === "session-reconnected")!;
    expect(reconnected).toMatchObject({ attempt: 1, resumed: false });
    expect((reconnected as { gapMs: number }).gapMs).toBeGreaterThanOrEqual(25);
    expect(events.map((e) => e.type)).not.toContain("session-ended");
    expect(events.filter((e) => e.type === "session-started")).toHaveLength(1); // the replacement's start is not repeated
    expect(session.state).toBe("open");
    await waitFor(() => (s.received[1] ?? []).some((f) => typeof f !== "string"));
    expect(Buffer.from(s.received[1]!.find((f) => typeof f !== "string") as Buffer).readInt16LE(0)).toBe(7);
  });

  it("without a policy, or after an auth refusal, the drop ends the session", async () => {
    const s = await serve();
    const plain = await connect(toy({ url: s.url, key: KEY }));
    sessions.push(plain);
    s.sockets[0]!.close(1012, "restart");
    expect((await plain.ended).code).toBe(1012);

    const policed = await connect(toy({ url: s.url, key: KEY }), { reconnect: { retries: 3, backoff: { initialMs: 10 } } });
    sessions.push(policed);
    s.sockets[1]!.close(4401, "revoked");
    expect((await policed.ended).code).toBe(4401);
    expect(s.sockets).toHaveLength(2);
  });

  it("gives up after the policy's retries when the peer is gone, ending with the failure", async () => {
    const s = await serve();
    const session = await connect(toy({ url: s.url, key: KEY }), { reconnect: { retries: 2, backoff: { initialMs: 10, jitter: 0 } } });
    sessions.push(session);
    const events = collect(session);
    await s.close();
    server = undefined;
    const ended = await session.ended;
    expect(ended.reason).toBe("reconnect_failed");
    expect(events.filter((e) => e.type === "debug")).toHaveLength(2);
    expect(events.find((e) => e.type === "error")).toMatchObject({ code: "network" });
  });

  it("a resumable vendor's warning moves the session to a new connection with its handle, ten times over", async () => {
    const s = await serve();
    const session = await connect(toy({ url: s.url, key: KEY, resumable: true }));
    sessions.push(session);
    const events = collect(session);
    for (let round = 0; round < 10; round++) {
      const socket = s.sockets[round]!;
      socket.send(JSON.stringify({ type: "handle", id: `h-${round}` }));
      socket.send(JSON.stringify({ type: "goaway", ms: 500 }));
      await waitFor(() => events.filter((e) => e.type === "session-reconnected").length === round + 1);
      // The new connection opened with the handle the last one gave.
      await waitFor(() => (s.received[round + 1] ?? []).length > 0);
      expect(JSON.parse(String(s.received[round + 1]![0]))).toEqual({ type: "setup", resume: `h-${round}` });
    }
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === "session-expiring")).toHaveLength(10);
    expect(types.filter((t) => t === "session-reconnected")).toHaveLength(10);
    expect(types).not.toContain("session-ended");
    expect(events.filter((e) => e.type === "session-reconnected").every((e) => (e as { resumed: boolean }).resumed)).toBe(true);
  });

  it("backoff doubles up to the cap, with jitter inside its fraction; a resumption's first try is at once", () => {
    const policy = reconnectPolicy({ backoff: { initialMs: 100, maxMs: 1000, jitter: 0.5 } }, false)!;
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(policy, n, false, () => 0.5))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffMs(policy, 1, false, () => 0)).toBe(50);
    expect(backoffMs(policy, 1, false, () => 1)).toBe(150);
    expect(backoffMs(policy, 1, true)).toBe(0);
    expect(reconnectPolicy(undefined, false)).toBeUndefined();
    expect(reconnectPolicy(undefined, true)?.retries).toBe(3);
  });
});
