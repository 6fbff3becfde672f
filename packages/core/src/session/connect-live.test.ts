// connect()'s contract as users expect it (#18): it resolves once the session is live and
// rejects with the typed error when the vendor refuses during the handshake; leaving a
// `for await` loop closes the session; errors keep their cause.
import { afterEach, describe, expect, it } from "vitest";
import { rejection } from "../../test/test-helpers.js";
import { toy } from "../../test/toy-dialect.js";
import { startToyServer, type ToyServer } from "../../test/toy-server.js";
import { AbortedError, AuthError, NetworkError, TimeoutError } from "../errors/error-classes.js";
import type { InboundEvent } from "../events/inbound.js";
import { connect } from "./connect.js";
import type { Session } from "./types.js";

const KEY = "toy-test-key";
let server: ToyServer | undefined;
const sessions: Session[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await server?.close();
  server = undefined;
});

async function serve(onSocket: (send: (message: object) => void, close: (code: number) => void) => void): Promise<string> {
  server = await startToyServer();
  server.onConnection = (ws) =>
    onSocket(
      (message) => ws.send(JSON.stringify(message)),
      (code) => ws.close(code),
    );
  return server.url;
}

describe("connect() resolves once the session is live", () => {
  it("waits for session-started, and a listener attached after it still sees everything", async () => {
    const url = await serve((send) => {
      send({ type: "hello" });
      setTimeout(() => send({ type: "started", id: "s-9" }), 50);
    });
    let started = false;
    const connecting = connect(toy({ url, key: KEY })).then((s) => {
      started = true;
      return s;
    });
    await new Promise((r) => setTimeout(r, 25));
    expect(started).toBe(false);
    const session = await connecting;
    sessions.push(session);
    const seen: InboundEvent["type"][] = [];
    session.on("*", (event) => seen.push(event.type));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(["session-accepted", "session-started"]);
  });

  it("rejects with the typed error when the vendor refuses the key during the handshake (close 4401)", async () => {
    const url = await serve((_send, close) => setTimeout(() => close(4401), 10));
    const error = await rejection(connect(toy({ url, key: KEY })));
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error.code).toBe("auth_failed");
  });

  it("rejects with a TimeoutError naming the option when the peer never starts the session", async () => {
    const url = await serve((send) => send({ type: "hello" }));
    const error = await rejection(connect(toy({ url, key: KEY }), { readyTimeoutMs: 80 }));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error.message).toContain("readyTimeoutMs");
    expect(server!.sockets[0]!.readyState).toBeGreaterThanOrEqual(2); // closing or closed: nothing left open
  });

  it("resolveOn: open keeps the old behaviour", async () => {
    const url = await serve(() => {});
    const session = await connect(toy({ url, key: KEY }), { resolveOn: "open" });
    sessions.push(session);
    expect(session.state).toBe("open");
  });

  it("an abort while waiting rejects with AbortedError carrying the signal's reason", async () => {
    const url = await serve((send) => send({ type: "hello" }));
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    setTimeout(() => controller.abort(reason), 30);
    const error = await rejection(connect(toy({ url, key: KEY }), { signal: controller.signal }));
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(error.cause).toBe(reason);
  });

  it("an abort before the dial, or while the socket opens, carries the reason too", async () => {
    const url = await serve((send) => send({ type: "hello" }));
    const reason = new Error("the page was closed");
    const before = await rejection(connect(toy({ url, key: KEY }), { signal: AbortSignal.abort(reason) }));
    expect(before).toMatchObject({ name: "AbortedError", cause: reason });
    const controller = new AbortController();
    const opening = connect(toy({ url, key: KEY }), { signal: controller.signal });
    controller.abort(reason);
    expect(await rejection(opening)).toMatchObject({ name: "AbortedError", cause: reason });
  });

  it("a refused connection is a NetworkError whose cause is the socket's error", async () => {
    const error = await rejection(connect(toy({ url: "ws://127.0.0.1:1/ws", key: KEY })));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error.cause as { code?: string } | undefined)?.code).toBe("ECONNREFUSED");
  });
});

describe("leaving a for-await loop", () => {
  const live = () =>
    serve((send) => {
      send({ type: "hello" });
      send({ type: "started", id: "s-1" });
    });

  it("break closes the session", async () => {
    const session = await connect(toy({ url: await live(), key: KEY }));
    sessions.push(session);
    for await (const event of session) if (event.type === "session-started") break;
    const ended = await session.ended;
    expect(ended.reason).toBe("closed");
    expect(session.state).toBe("closed");
  });

  it("a throw closes the session too; keepOpen leaves it open", async () => {
    const session = await connect(toy({ url: await live(), key: KEY }));
    sessions.push(session);
    await expect(
      (async () => {
        for await (const _ of session.events({ keepOpen: true })) throw new Error("app bug");
      })(),
    ).rejects.toThrow("app bug");
    expect(session.state).toBe("open");
    const second = (async () => {
      for await (const _ of session) throw new Error("app bug");
    })();
    server!.sockets[0]!.send(JSON.stringify({ type: "clear" }));
    await expect(second).rejects.toThrow("app bug");
    expect((await session.ended).reason).toBe("closed");
  });
});
