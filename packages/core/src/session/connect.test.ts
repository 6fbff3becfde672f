import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { connectOpen } from "../../test/connect-open.js";
import { recordingLogger, rejection } from "../../test/test-helpers.js";
import { toy } from "../../test/toy-dialect.js";
import { startToyServer, type ToyServer } from "../../test/toy-server.js";
import { VoxwireError } from "../errors/voxwire-error.js";
import type { InboundEvent } from "../events/inbound.js";
import { accept } from "./accept.js";
import type { connect } from "./connect.js";
import type { Session } from "./types.js";

const KEY = "toy-test-key";
let server: ToyServer | undefined;
const sessions: Session[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await server?.close();
  server = undefined;
});

async function open(
  options: Parameters<typeof startToyServer>[0] = {},
  dialectOptions: Partial<Parameters<typeof toy>[0]> = {},
  connectOptions: Parameters<typeof connect>[1] = {},
) {
  server = await startToyServer(options);
  const socket = server.nextSocket();
  const session = await connectOpen(toy({ url: server.url, key: KEY, ...dialectOptions }), connectOptions);
  sessions.push(session);
  return { session, peer: await socket, server };
}

function until<T extends InboundEvent["type"]>(session: Session, type: T): Promise<Extract<InboundEvent, { type: T }>> {
  return new Promise((resolve) => {
    const off = session.on(type, (event) => {
      off();
      resolve(event as Extract<InboundEvent, { type: T }>);
    });
  });
}

const waitFor = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe("connectOpen() against a real ws server", () => {
  it("exchanges events and audio both ways, in exact 20 ms frames, and closes cleanly", async () => {
    const { session, peer, server } = await open();
    const events: InboundEvent[] = [];
    const done = (async () => {
      for await (const event of session) events.push(event);
    })();
    peer.send(JSON.stringify({ type: "hello" }));
    peer.send(JSON.stringify({ type: "started", id: "s-1" }));
    const agentAudio = Int16Array.from({ length: 320 }, (_, i) => i - 160);
    peer.send(Buffer.from(agentAudio.buffer));
    peer.send(JSON.stringify({ type: "transcript", role: "agent", text: "hi there", extra: 1 }));
    peer.send(JSON.stringify({ type: "vendor_thing", x: 1 }));
    await until(session, "passthrough");

    session.sendAudio(new Int16Array(700).fill(5)); // 2 whole frames + 60 samples carried
    session.sendDtmf("7");
    await waitFor(() => server.received[0]!.length >= 3);
    await session.close();
    await done;

    expect(events.map((e) => e.type)).toEqual([
      "session-accepted",
      "session-started",
      "audio-chunk",
      "transcript-end",
      "passthrough",
      "session-ended",
    ]);
    const chunk = events[2] as Extract<InboundEvent, { type: "audio-chunk" }>;
    expect(Array.from(chunk.audio)).toEqual(Array.from(agentAudio));
    expect(chunk.sampleRate).toBe(16000);
    expect(events[3]).toMatchObject({ role: "agent", text: "hi there" });
    expect(events[4]).toMatchObject({ name: "vendor_thing", payload: { type: "vendor_thing", x: 1 } });
    expect(events.at(-1)).toMatchObject({ type: "session-ended", reason: "closed", code: 1000 });

    const frames = server.received[0]!;
    const binary = frames.filter((f): f is Buffer => typeof f !== "string");
    expect(binary.map((f) => f.length)).toEqual([640, 640, 640]); // the tail is padded on close
    expect(frames).toContain(JSON.stringify({ type: "dtmf", digit: "7" }));
    expect(frames.at(-1)).toBe(JSON.stringify({ type: "stop" }));
    expect(session.stats).toMatchObject({ framesIn: 5, audioFramesDropped: 0, queueDepth: 0 });
  });

  it("a refused key (close 4401) becomes a fatal AuthError event, then session-ended", async () => {
    server = await startToyServer();
    const session = await connectOpen(toy({ url: server.url, key: "wrong-key-123" }));
    const events: InboundEvent[] = [];
    for await (const event of session) events.push(event);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ type: "error", code: "auth_failed", fatal: true, retryable: false });
    expect((events[0] as { error?: unknown }).error).toBeInstanceOf(VoxwireError);
    expect(events[1]).toMatchObject({ type: "session-ended", reason: "auth_failed", code: 4401 });
    expect(JSON.stringify(events[0])).not.toContain("wrong-key-123");
  });

  it("HTTP 429 at the upgrade rejects connectOpen() with a retryable ConcurrencyLimitError", async () => {
    server = await startToyServer({ rejectUpgrade: { status: 429, body: '{"error":"concurrency_limit_exceeded"}' } });
    const error = await rejection(connectOpen(toy({ url: server.url, key: KEY })));
    expect(error).toMatchObject({ code: "concurrency_limit", retryable: true, vendorCode: "concurrency_limit_exceeded" });
    expect(error.message).not.toContain(KEY);
  });

  it("HTTP 400 at the upgrade rejects with an InvalidRequestError carrying the vendor code", async () => {
    server = await startToyServer({ rejectUpgrade: { status: 400, body: '{"error":"invalid_agent_id"}' } });
    const error = await rejection(connectOpen(toy({ url: server.url, key: KEY })));
    expect(error).toMatchObject({ code: "invalid_request", vendorCode: "invalid_agent_id", retryable: false });
  });

  it("an unreachable host is a NetworkError naming the redacted URL", async () => {
    const error = await rejection(connectOpen(toy({ url: "ws://127.0.0.1:1/ws?token=supersecret99", key: KEY })));
    expect(error.code).toBe("network");
    expect(error.message).not.toContain("supersecret99");
    expect(error.message).not.toContain(KEY);
  });

  it("performs the bootstrap call and connects with the plan it returns", async () => {
    server = await startToyServer();
    const socket = server.nextSocket();
    const session = await connectOpen(toy({ url: "unused", key: KEY, bootstrapUrl: `${server.httpUrl}/token` }));
    sessions.push(session);
    await socket;
    expect(session.state).toBe("open");
  });

  it("a refused bootstrap is a BootstrapError with status and body, the key redacted even when echoed", async () => {
    server = await startToyServer({ keys: ["the-only-key"] });
    const error = await rejection(connectOpen(toy({ url: "unused", key: "my-secret-key-42", bootstrapUrl: `${server.httpUrl}/token` })));
    expect(error).toMatchObject({ code: "bootstrap_failed", status: 401 });
    expect((error as unknown as { body: string }).body).toContain("bad_key");
    expect(JSON.stringify(error)).not.toContain("my-secret-key-42");
    expect(error.message).not.toContain("my-secret-key-42");
  });

  it("refuses an expired plan before any socket opens", async () => {
    server = await startToyServer({ expiresIn: 60 });
    const later = Date.now() + 61_000;
    let calls = 0;
    const now = () => (calls++ === 0 ? Date.now() : later);
    const error = await rejection(connectOpen(toy({ url: "unused", key: KEY, bootstrapUrl: `${server.httpUrl}/token` }), { now }));
    expect(error.code).toBe("token_expired");
    expect(server.sockets).toHaveLength(0);
  });

  describe("AbortSignal", () => {
    it("already aborted: nothing happens", async () => {
      server = await startToyServer();
      const error = await rejection(connectOpen(toy({ url: server.url, key: KEY }), { signal: AbortSignal.abort() }));
      expect(error.code).toBe("aborted");
      expect(server.sockets).toHaveLength(0);
    });

    it("during the bootstrap call", async () => {
      server = await startToyServer({ bootstrapDelayMs: 2000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 30);
      const error = await rejection(connectOpen(toy({ url: "x", key: KEY, bootstrapUrl: `${server.httpUrl}/token` }), { signal: controller.signal }));
      expect(error.code).toBe("aborted");
    });

    it("while the socket opens", async () => {
      server = await startToyServer({ hangUpgrade: true });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 30);
      const error = await rejection(connectOpen(toy({ url: server.url, key: KEY }), { signal: controller.signal }));
      expect(error.code).toBe("aborted");
    });

    it("once open: the session ends with reason 'aborted'", async () => {
      server = await startToyServer();
      const controller = new AbortController();
      const session = await connectOpen(toy({ url: server.url, key: KEY }), { signal: controller.signal });
      controller.abort();
      expect(await session.ended).toMatchObject({ type: "session-ended", reason: "aborted" });
    });
  });

  it("an upgrade that never completes hits the open deadline as a TimeoutError", async () => {
    server = await startToyServer({ hangUpgrade: true });
    const error = await rejection(connectOpen(toy({ url: server.url, key: KEY }), { timeouts: { openMs: 100 } }));
    expect(error).toMatchObject({ code: "timeout", retryable: true });
  });

  it("backpressure: a socket that never drains holds bounded audio; the oldest is dropped and counted", async () => {
    // bufferedAmount only grows: the socket accepts bytes but never hands them to the network.
    class NeverDrains {
      static instances: NeverDrains[] = [];
      readyState = 0;
      bufferedAmount = 0;
      protocol = "";
      binaryType = "arraybuffer";
      onopen: ((e: unknown) => void) | null = null;
      onmessage: ((e: { data: unknown }) => void) | null = null;
      onclose: ((e: { code: number; reason: string }) => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      constructor() {
        NeverDrains.instances.push(this);
        setTimeout(() => {
          this.readyState = 1;
          this.onopen?.({});
        }, 0);
      }
      send(data: ArrayBufferView | string) {
        this.bufferedAmount += typeof data === "string" ? data.length : data.byteLength;
      }
      close(code = 1000) {
        this.readyState = 3;
        setTimeout(() => this.onclose?.({ code, reason: "" }), 0);
      }
    }
    const session = await connectOpen(toy({ url: "ws://never.invalid/ws", key: KEY }), {
      WebSocket: NeverDrains as never,
      queue: { maxAudioMs: 200, highWaterBytes: 16 * 1024 },
    });
    sessions.push(session);
    const second = new Int16Array(16000).fill(1000);
    for (let i = 0; i < 60; i++) session.sendAudio(second); // a minute of audio, at once
    const stats = session.stats;
    expect(stats.framesOut).toBe(26); // 16 KiB of 640-byte frames reach the socket, then it stays full
    expect(stats.queuedAudioMs).toBeLessThanOrEqual(200);
    expect(stats.queueDepth).toBe(10);
    expect(stats.audioFramesDropped).toBe(3000 - 26 - 10);
    expect(NeverDrains.instances[0]!.bufferedAmount).toBe(26 * 640);
  });

  it("backpressure over a real socket: a peer that stops reading never makes memory grow past the bound", async () => {
    const { session } = await open({ neverRead: true }, {}, { queue: { maxAudioMs: 500, highWaterBytes: 64 * 1024 } });
    const second = new Int16Array(16000).fill(1000);
    // Loopback TCP buffers hold megabytes; ten minutes of audio (19 MB) is more than they take.
    for (let i = 0; i < 600; i++) {
      session.sendAudio(second);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    const stats = session.stats;
    expect(stats.queuedAudioMs).toBeLessThanOrEqual(500);
    expect(stats.audioFramesDropped).toBeGreaterThan(0);
    expect(stats.framesOut + stats.audioFramesDropped + stats.queueDepth).toBe(30_000);
  }, 30_000); // ten minutes of audio through the pipeline: seconds of CPU on a loaded 2-core machine

  it("a gated dialect sends nothing before the peer is ready, then everything in order", async () => {
    const { session, peer, server } = await open({}, { gated: true });
    session.sendAudio(new Int16Array(640).fill(3));
    session.sendDtmf("1");
    await new Promise((r) => setTimeout(r, 50));
    expect(server.received[0]).toEqual([]);
    peer.send(JSON.stringify({ type: "hello" }));
    await waitFor(() => server.received[0]!.length === 3);
    const kinds = server.received[0]!.map((f) => (typeof f === "string" ? f : f.length));
    expect(kinds).toEqual([640, 640, JSON.stringify({ type: "dtmf", digit: "1" })]);
  });

  it("queued commands are encoded when sent, so they carry state the codec learned from the peer", async () => {
    const { session, peer, server } = await open({}, { gated: true });
    session.sendDtmf("5");
    peer.send(JSON.stringify({ type: "hello", id: "stream-42" }));
    await waitFor(() => server.received[0]!.length === 1);
    expect(JSON.parse(server.received[0]![0] as string)).toEqual({ type: "dtmf", digit: "5", session: "stream-42" });
  });

  it("exposes the dialect's capabilities", async () => {
    const { session } = await open();
    expect(session.capabilities).toMatchObject({ dtmfOut: true, clearOut: false });
  });

  it("a gated dialect that never becomes ready ends with a TimeoutError; close() does not wait on its queue", async () => {
    const { session } = await open({}, { gated: true }, { readyTimeoutMs: 50 });
    const events: InboundEvent[] = [];
    for await (const event of session) events.push(event);
    expect(events).toEqual([
      expect.objectContaining({ type: "error", code: "timeout", fatal: true }),
      expect.objectContaining({ type: "session-ended", reason: "timeout" }),
    ]);

    const { session: second } = await open({}, { gated: true });
    second.sendAudio(new Int16Array(3200));
    const outcome = await Promise.race([second.close().then(() => "closed"), new Promise((r) => setTimeout(() => r("stuck draining"), 1500))]);
    expect(outcome).toBe("closed");
  });

  it("a vendor error quoting a bootstrap secret is redacted, in the event and in its error object", async () => {
    server = await startToyServer();
    const socket = server.nextSocket();
    const session = await connectOpen(toy({ url: "unused", key: KEY, bootstrapUrl: `${server.httpUrl}/token` }));
    sessions.push(session);
    const got = until(session, "error");
    (await socket).send(JSON.stringify({ type: "fail", message: `token ${KEY} was rejected` }));
    const event = await got;
    expect(event.message).not.toContain(KEY);
    expect(event.error?.message).not.toContain(KEY);
    expect(event.code).toBe("vendor_error");
  });

  it("malformed frames from the peer are error events and the session goes on", async () => {
    const { session, peer } = await open();
    const errors: InboundEvent[] = [];
    session.on("error", (e) => errors.push(e));
    peer.send("{not json");
    peer.send(Buffer.from([1, 2, 3])); // odd-length PCM
    peer.send(JSON.stringify([1, 2]));
    peer.send(JSON.stringify({ type: "clear" }));
    await until(session, "playback-clear");
    expect(errors.map((e) => (e as { code: string }).code)).toEqual(["protocol_violation", "invalid_audio", "protocol_violation"]);
    expect(errors.every((e) => (e as { fatal: boolean }).fatal === false)).toBe(true);
    expect(session.state).toBe("open");
  });

  it("a listener that throws does not break the session", async () => {
    const { session, peer } = await open();
    session.on("session-accepted", () => {
      throw new Error("application bug");
    });
    peer.send(JSON.stringify({ type: "hello" }));
    peer.send(JSON.stringify({ type: "clear" }));
    await until(session, "playback-clear");
    expect(session.stats.listenerErrors).toBe(1);
  });

  it("bad arguments are typed errors; unsupported commands warn and do nothing", async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    const { session } = await open({}, {}, { logger });
    expect(() => session.sendDtmf("x")).toThrow(VoxwireError);
    expect(() => session.sendAudio([1, 2, 3] as unknown as Int16Array)).toThrow(/Int16Array or a Float32Array/);
    session.clearPlayback(); // the toy dialect has no clearOut
    expect(warnings.some((w) => w.startsWith("voxwire:toy clearPlayback"))).toBe(true);
  });

  it("no secret appears in JSON.stringify(session), util.inspect(session) or a log line", async () => {
    const lines: string[] = [];
    const { session } = await open({}, {}, { logger: recordingLogger(lines) });
    session.mark(`note ${KEY}`); // the app itself puts the key in a log-bound string
    session.sendDtmf("1");
    for (const text of [JSON.stringify(session), inspect(session, { depth: 10, showHidden: true }), ...lines]) {
      expect(text).not.toContain(KEY);
    }
  });

  it("converts application rates: 48 kHz in becomes 16 kHz on the wire, 16 kHz out becomes 24 kHz", async () => {
    const { session, peer, server } = await open({}, {}, { input: { sampleRate: 48000 }, output: { sampleRate: 24000, frameMs: 20 } });
    expect(session.audio.input.sampleRate).toBe(48000);
    session.sendAudio(new Float32Array(4800).fill(0.25)); // 100 ms at 48 kHz
    await waitFor(() => server.received[0]!.filter((f) => typeof f !== "string").length >= 4);
    for (const frame of server.received[0]!) if (typeof frame !== "string") expect(frame.length).toBe(640);
    const chunks: Int16Array[] = [];
    session.on("audio-chunk", (e) => chunks.push(e.audio));
    peer.send(Buffer.from(new Int16Array(1600).fill(2000).buffer)); // 100 ms at 16 kHz
    await waitFor(() => chunks.length >= 4);
    expect(chunks.every((c) => c.length === 480)).toBe(true); // 20 ms at 24 kHz
  });
  it("listeners attached right after connectOpen() see the events that came with the upgrade", async () => {
    server = await startToyServer();
    // The server speaks the moment the socket opens, so hello rides with the 101 response.
    server.onConnection = (ws) => {
      ws.send(JSON.stringify({ type: "hello" }));
      ws.send(JSON.stringify({ type: "started", id: "s-9" }));
    };
    const session = await connectOpen(toy({ url: server.url, key: KEY }));
    sessions.push(session);
    const seen: string[] = [];
    session.on("*", (event) => seen.push(event.type));
    await waitFor(() => seen.length >= 2);
    expect(seen).toEqual(["session-accepted", "session-started"]);
  });

  it("bootstrap calls fetch unbound (a browser's fetch throws when called as a method)", async () => {
    server = await startToyServer();
    const socket = server.nextSocket();
    function strictFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      if (this !== undefined && this !== globalThis) throw new TypeError("Illegal invocation");
      return fetch(input, init);
    }
    const session = await connectOpen(toy({ url: "unused", key: KEY, bootstrapUrl: `${server.httpUrl}/token` }), {
      fetch: strictFetch as typeof fetch,
    });
    sessions.push(session);
    await socket;
  });
});

describe("accept()", () => {
  it("wraps a socket a peer opened to us", async () => {
    server = await startToyServer();
    const { WebSocket } = await import("ws");
    const client = new WebSocket(server.url, ["toy.v1", `toy-key.${KEY}`]);
    await new Promise((r) => client.once("open", r));
    const session = accept(toy({ url: "served", key: KEY }), client as never);
    const got = until(session, "playback-clear");
    server.sockets[0]!.send(JSON.stringify({ type: "clear" }));
    expect((await got).type).toBe("playback-clear");
    await session.close();
    expect(await session.ended).toMatchObject({ reason: "closed" });
  });
});
