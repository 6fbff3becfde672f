// The session runtime against peers that break the rules, over real loopback sockets.
import { afterEach, describe, expect, it } from "vitest";
import { connectOpen } from "../../test/connect-open.js";
import { encodeFrame, type HostileConnection, type HostilePeer, type HostilePeerOptions, startHostilePeer } from "../../test/hostile-peer.js";
import { toy } from "../../test/toy-dialect.js";
import type { InboundEventOf } from "../events/inbound.js";
import { utf8Prefix } from "./live-session.js";
import type { ConnectOptions, Session } from "./types.js";

const KEY = "toy-hostile-key";
const peers: HostilePeer[] = [];
const sessions: Session[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => Promise.race([s.close(), new Promise((r) => setTimeout(r, 500))])));
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

const waitFor = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};

async function peer(options: HostilePeerOptions = {}): Promise<HostilePeer> {
  const started = await startHostilePeer(options);
  peers.push(started);
  return started;
}

async function openHostile(
  options: HostilePeerOptions = {},
  connectOptions: ConnectOptions = {},
): Promise<{ session: Session; wire: HostileConnection; peer: HostilePeer }> {
  const hostile = await peer(options);
  const next = hostile.nextConnection();
  const session = await connectOpen(toy({ url: `${hostile.url}/ws`, key: KEY }), connectOptions);
  sessions.push(session);
  return { session, wire: await next, peer: hostile };
}

describe("close(reason)", () => {
  it("caps the reason at 123 UTF-8 bytes without splitting a character", async () => {
    const { session, wire } = await openHostile();
    const reason = "🎉".repeat(60); // 240 bytes; 100 UTF-16 units would be 200
    const closing = session.close(reason);
    const frame = await wire.nextFrame(8);
    await closing;
    expect(frame.payload.readUInt16BE(0)).toBe(1000);
    const sent = frame.payload.subarray(2);
    expect(sent.length).toBeLessThanOrEqual(123);
    expect(sent.toString("utf8")).toBe("🎉".repeat(30));
    expect((await session.ended).reason).toBe(reason);
  });

  it("utf8Prefix keeps whole characters of every width", () => {
    expect(utf8Prefix("abc", 123)).toBe("abc");
    expect(utf8Prefix("é".repeat(100), 123)).toBe("é".repeat(61));
    expect(utf8Prefix("€".repeat(100), 123)).toBe("€".repeat(41));
    expect(utf8Prefix(`a${"😀".repeat(40)}`, 123)).toBe(`a${"😀".repeat(30)}`);
  });
});

describe("redaction of what the peer says", () => {
  it("session-ended.reason and an error's vendorCode pass through the session's redaction", async () => {
    const { session, wire } = await openHostile();
    const errors: { code?: string; vendorCode?: string | undefined }[] = [];
    session.on("error", (event) => errors.push({ vendorCode: event.error?.vendorCode }));
    wire.text(JSON.stringify({ type: "fail", message: "no", code: `bad_key_${KEY}` }));
    wire.text(JSON.stringify({ type: "bye", reason: `your key ${encodeURIComponent(KEY)} is revoked` }));
    const ended = await session.ended;
    expect(ended.reason).not.toContain(KEY);
    expect(ended.reason).toContain("is revoked");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.vendorCode).not.toContain(KEY);
  });

  it("a refused upgrade's body is redacted before it is cut", async () => {
    // The key straddles the old cut at 2000 characters: cutting first left its head unredacted.
    const body = `${"x".repeat(1995)}${KEY}${"y".repeat(100)}`;
    const hostile = await peer({ upgrade: { status: 400, body } });
    const seen: string[] = [];
    const dialect = toy({ url: `${hostile.url}/ws`, key: KEY });
    const createCodec = dialect.createCodec.bind(dialect);
    dialect.createCodec = (plan, env) => {
      const codec = createCodec(plan, env);
      const upgradeRejected = codec.upgradeRejected.bind(codec);
      codec.upgradeRejected = (status, text) => {
        seen.push(text);
        return upgradeRejected(status, text);
      };
      return codec;
    };
    await connectOpen(dialect).catch(() => {});
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(`${"x".repeat(1995)}[redacted]…`);
    expect(seen[0]).not.toContain(KEY.slice(0, 5));
  });
});

describe("WebSocket amplification and wire-level violations", () => {
  it("offers no compression", async () => {
    const { peer: hostile } = await openHostile();
    expect(hostile.upgrades[0]!.headers["sec-websocket-extensions"]).toBeUndefined();
  });

  async function violation(send: (wire: HostileConnection) => void, connectOptions: ConnectOptions = {}) {
    const { session, wire } = await openHostile({}, connectOptions);
    const errors: InboundEventOf<"error">[] = [];
    session.on("error", (event) => errors.push(event));
    send(wire);
    // A hostile peer then drops TCP; before, that read as a retryable network drop.
    setTimeout(() => wire.destroy(), 100);
    const ended = await session.ended;
    return { errors, ended };
  }

  it.each([
    ["an illegal close code (429)", (w: HostileConnection) => w.close(429, "slow down"), "invalid_close_code", "WS_ERR_INVALID_CLOSE_CODE"],
    [
      "a close reason over 123 bytes",
      (w: HostileConnection) => w.close(1000, "r".repeat(124)),
      "invalid_control_payload_length",
      "WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH",
    ],
    [
      "invalid UTF-8 in a text frame",
      (w: HostileConnection) => w.frame(1, new Uint8Array([0x7b, 0xff, 0xfe])),
      "invalid_utf8",
      "WS_ERR_INVALID_UTF8",
    ],
    ["an illegal opcode", (w: HostileConnection) => w.frame(3, "x"), "invalid_opcode", "WS_ERR_INVALID_OPCODE"],
    ["a reserved bit without an extension", (w: HostileConnection) => w.frame(1, "{}", { rsv: 4 }), "unexpected_rsv_1", "WS_ERR_UNEXPECTED_RSV_1"],
    [
      "a 2 MiB message (past the default 1 MiB + 64 KiB)",
      (w: HostileConnection) => w.binary(new Uint8Array(2 << 20)),
      "frame_too_large",
      "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH",
    ],
  ])("%s is a fatal, non-retryable protocol_violation with the ws error as cause", async (_name, send, vendorCode, wsCode) => {
    const { errors, ended } = await violation(send);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "protocol_violation", fatal: true, retryable: false });
    expect(errors[0]!.error).toMatchObject({ vendorCode });
    expect((errors[0]!.error!.cause as { code?: string }).code).toBe(wsCode);
    expect(ended.reason).toBe("protocol_violation");
  });

  it("maxMessageBytes is per session (and per dialect through the plan)", async () => {
    const { errors } = await violation((w) => w.binary(new Uint8Array(4096)), { maxMessageBytes: 1024 });
    expect(errors[0]!.error).toMatchObject({ code: "protocol_violation", vendorCode: "frame_too_large" });
    const { session, wire } = await openHostile({}, { maxMessageBytes: 8192 });
    const got = new Promise((resolve) => session.on("audio-chunk", resolve));
    wire.binary(new Uint8Array(4096));
    await got;
    expect(session.state).toBe("open");

    const hostile = await peer();
    const dialect = toy({ url: `${hostile.url}/ws`, key: KEY });
    const prepare = dialect.prepare.bind(dialect);
    dialect.prepare = (env) => {
      const preparation = prepare(env);
      return preparation.kind === "plan" ? { kind: "plan", plan: { ...preparation.plan, maxMessageBytes: 512 } } : preparation;
    };
    const next = hostile.nextConnection();
    const small = await connectOpen(dialect);
    sessions.push(small);
    const errorsOfPlan: unknown[] = [];
    small.on("error", (event) => errorsOfPlan.push(event.error?.vendorCode));
    (await next).binary(new Uint8Array(1024));
    await small.ended;
    expect(errorsOfPlan).toEqual(["frame_too_large"]);
  });

  it("a TCP drop without a close frame is still a retryable network error", async () => {
    const { errors, ended } = await violation(() => {});
    expect(errors[0]).toMatchObject({ code: "network", retryable: true });
    expect(ended.reason).toBe("network");
  });
});

describe("inbound events are bounded by bytes; control events are never dropped", () => {
  const tiny = encodeFrame(1, Buffer.from('{"type":"x"}'));

  it("a burst of thousands of control frames in one TCP write reaches a fast reader whole", async () => {
    const { session, wire } = await openHostile();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of session) seen.push(event.type);
    })();
    await new Promise((r) => setTimeout(r, 20)); // the held first events are out; the reader waits
    wire.raw(Buffer.concat(Array.from({ length: 6000 }, () => tiny))); // 84 KB: one or two reads of ~4,600 frames each
    wire.text(JSON.stringify({ type: "bye" }));
    await reading;
    expect(seen.filter((t) => t === "passthrough")).toHaveLength(6000);
    expect(session.stats.eventsDropped).toBe(0);
  });

  it("a listener-only app with large frames: the unread backlog is dropped past the byte bound, listeners get everything", async () => {
    const { session, wire } = await openHostile({}, { maxMessageBytes: 4 << 20 });
    let chunks = 0;
    session.on("audio-chunk", () => chunks++);
    for (let i = 0; i < 6; i++) wire.binary(new Uint8Array(3 << 20)); // 18 MiB of audio nobody iterates
    await waitFor(() => chunks === 6);
    expect(session.stats.eventsDropped).toBeGreaterThan(0);
    expect(session.state).toBe("open");
  });

  it("a reader that never reads holds at most maxPendingEventBytes of audio: the oldest is dropped", async () => {
    const { session, wire } = await openHostile({}, { maxPendingEventBytes: 1 << 20 });
    session.events(); // attached, never read
    let chunks = 0;
    session.on("audio-chunk", () => chunks++);
    for (let i = 0; i < 20; i++) wire.binary(new Uint8Array(256 * 1024));
    await waitFor(() => chunks === 20);
    // 256 KiB of samples plus the 256 KiB raw frame each: one at a time fits in 1 MiB.
    expect(session.stats.eventsDropped).toBeGreaterThanOrEqual(18);
    expect(session.state).toBe("open");
  });

  it("a reader that never reads, flooded with control events: the session ends with backlog_overflow", async () => {
    const { session, wire } = await openHostile({}, { maxPendingEventBytes: 64 * 1024 });
    session.events(); // attached, never read
    const errors: string[] = [];
    session.on("error", (event) => errors.push(event.code));
    for (let i = 0; i < 3000; i++) wire.text(JSON.stringify({ type: "transcript", role: "agent", text: `line ${i}` }));
    const ended = await session.ended;
    expect(ended.reason).toBe("backlog_overflow");
    expect(errors).toEqual(["backlog_overflow"]);
    expect(session.stats.eventsDropped).toBe(0);
  });

  it("an oversize or malformed text frame keeps only a marked 256-character prefix as raw", async () => {
    const { session, wire } = await openHostile();
    const got = new Promise<InboundEventOf<"error">>((resolve) => session.on("error", resolve));
    const frame = `{"type":"x","pad":"${"p".repeat(600_000)}`; // malformed: never closed
    wire.text(frame);
    const event = await got;
    expect(event.code).toBe("protocol_violation");
    expect(event.raw).toBe(frame.slice(0, 256));
    expect(event.rawLength).toBe(frame.length);
  });
});

describe("a refused upgrade with an endless body", () => {
  it("is classified from its first 8 KiB, not held until the open deadline", async () => {
    const hostile = await peer({
      upgrade: (_req, socket) => {
        socket.write("HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n");
        const chunk = `400\r\n${"e".repeat(1024)}\r\n`;
        const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(chunk)), 2);
        socket.on("close", () => clearInterval(timer));
      },
    });
    const started = Date.now();
    const error = await connectOpen(toy({ url: `${hostile.url}/ws`, key: KEY }), { timeouts: { openMs: 4000 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_request" });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
