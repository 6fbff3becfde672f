// What spec v2 describes as data and the runtime must do: opening frames, replies, keepalives,
// the connection-limit warning, tools, text, truncation and mid-session updates, against a real
// ws server speaking the toy dialect.
import { afterEach, describe, expect, it } from "vitest";
import { connectOpen } from "../../test/connect-open.js";
import { toy } from "../../test/toy-dialect.js";
import { startToyServer, type ToyServer } from "../../test/toy-server.js";
import type { InboundEvent } from "../events/inbound.js";
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

async function open(dialectOptions: Partial<Parameters<typeof toy>[0]> = {}, connectOptions: Parameters<typeof connect>[1] = {}) {
  server = await startToyServer();
  const socket = server.nextSocket();
  const session = await connectOpen(toy({ url: server.url, key: KEY, ...dialectOptions }), connectOptions);
  sessions.push(session);
  return {
    session,
    peer: await socket,
    received: () => server!.received[0]!.filter((f) => typeof f === "string").map((f) => JSON.parse(f as string)),
  };
}

const waitFor = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};

function collect(session: Session): InboundEvent[] {
  const events: InboundEvent[] = [];
  session.on("*", (event) => events.push(event));
  return events;
}

describe("spec v2 in the session runtime", () => {
  it("sends the codec's opening frames first, built from the agent option", async () => {
    const agent = { instructions: "be brief", voice: "alloy", tools: [{ name: "lookup", parameters: { type: "object" } }] };
    const { session, received } = await open({ gated: true }, { agent });
    session.sendDtmf("5");
    await waitFor(() => received().length >= 1);
    expect(received()[0]).toEqual({ type: "setup", agent });
    // Gated: the DTMF waits behind the ready gate, the setup did not.
    expect(received().some((m) => m.type === "dtmf")).toBe(false);
  });

  it("answers what the codec owes the peer at once, ahead of the ready gate, and shows the app nothing", async () => {
    const { session, peer, received } = await open({ gated: true });
    const events = collect(session);
    peer.send(JSON.stringify({ type: "ping", id: "p-7" }));
    await waitFor(() => received().some((m) => m.type === "pong"));
    expect(received().find((m) => m.type === "pong")).toEqual({ type: "pong", id: "p-7" });
    expect(events.filter((e) => e.type !== "session-ended")).toEqual([]);
  });

  it("runs the declared keepalive, and with whileIdleOnly sends none while audio flows", async () => {
    const { session, peer, received } = await open({ keepaliveMs: 40, idleOnly: true });
    const keepalives = () => received().filter((m) => m.type === "keepalive").length;
    await waitFor(() => keepalives() >= 2);
    // The server's view in order: each audio frame and keepalive, with when it arrived.
    const wire: { audio: boolean; at: number }[] = [];
    peer.on("message", (_data, isBinary) => wire.push({ audio: isBinary, at: Date.now() }));
    // 20 ms of audio every 10 ms for 300 ms: idle for a whole interval only if this loop stalls.
    const frame = new Int16Array(320);
    const handedOver: number[] = [];
    for (let i = 0; i < 30; i++) {
      handedOver.push(Date.now());
      session.sendAudio(frame);
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(() => wire.filter((w) => w.audio).length === 30);
    // A keepalive between audio frames j and j+1 was due only if frame j was handed over at least
    // 40 ms before it was sent, and frame j+1 arrived after it: a load-proof necessary condition.
    let audioSeen = 0;
    for (const [i, w] of wire.entries()) {
      if (w.audio) audioSeen++;
      else if (audioSeen > 0 && audioSeen < 30) {
        const nextAudio = wire.slice(i).find((x) => x.audio)!;
        expect(nextAudio.at - handedOver[audioSeen - 1]!, `keepalive after audio frame ${audioSeen}`).toBeGreaterThanOrEqual(40);
      }
    }
    const afterAudio = keepalives();
    await waitFor(() => keepalives() >= afterAudio + 2);
    await session.close();
    const atClose = keepalives();
    await new Promise((r) => setTimeout(r, 120));
    expect(keepalives()).toBe(atClose);
  });

  it("warns of a connection limit the plan declares", async () => {
    const { session } = await open({ maxSessionMs: 200 });
    const events = collect(session);
    await waitFor(() => events.some((e) => e.type === "session-expiring"));
    expect(events.find((e) => e.type === "session-expiring")).toEqual({ type: "session-expiring", inMs: 100 });
  });

  it("encodes text, tool results, heard playback and updates", async () => {
    const { session, received } = await open();
    session.sendText("hello there");
    session.sendToolResult("c-1", { temp: 21 });
    session.sendToolResult("c-2", "no such city", { isError: true });
    session.reportHeard("turn-4", 1234.4);
    session.update({ voice: "verse" });
    await waitFor(() => received().length >= 5);
    expect(received()).toEqual([
      { type: "text", text: "hello there" },
      { type: "result", id: "c-1", output: { temp: 21 }, error: false },
      { type: "result", id: "c-2", output: "no such city", error: true },
      { type: "heard", turn: "turn-4", ms: 1234 },
      { type: "update", agent: { voice: "verse" } },
    ]);
    expect(() => session.sendToolResult("", 1)).toThrow(/call's id/);
    expect(() => session.reportHeard("t", Number.NaN)).toThrow(/heard milliseconds/);
  });

  it("handleTools answers by name, turns a throw into an error result, and aborts cancelled calls", async () => {
    const { session, peer, received } = await open();
    const aborted: string[] = [];
    let release!: () => void;
    session.handleTools({
      weather: async (args) => ({ city: (args as { city: string }).city, temp: 21 }),
      broken: () => {
        throw new Error("backend down");
      },
      slow: (_args, { signal, callId }) =>
        new Promise((resolve) => {
          signal.addEventListener("abort", () => aborted.push(callId));
          release = () => resolve("too late");
        }),
    });
    peer.send(JSON.stringify({ type: "call", id: "c-1", name: "weather", args: { city: "Oslo" } }));
    peer.send(JSON.stringify({ type: "call", id: "c-2", name: "broken", args: {} }));
    peer.send(JSON.stringify({ type: "call", id: "c-3", name: "slow", args: {} }));
    peer.send(JSON.stringify({ type: "call", id: "c-4", name: "unknown_tool", args: {} }));
    await waitFor(() => received().filter((m) => m.type === "result").length >= 2 && release !== undefined);
    peer.send(JSON.stringify({ type: "cancel", ids: ["c-3"] }));
    await waitFor(() => aborted.length === 1);
    release();
    await new Promise((r) => setTimeout(r, 30));
    // Answered as each finishes, not in call order.
    const results = received()
      .filter((m) => m.type === "result")
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(results).toEqual([
      { type: "result", id: "c-1", output: { city: "Oslo", temp: 21 }, error: false },
      { type: "result", id: "c-2", output: { error: "backend down" }, error: true },
    ]);
    expect(aborted).toEqual(["c-3"]);
  });

  it("handleTools aborts running handlers when the session ends", async () => {
    const { session, peer } = await open();
    let signal: AbortSignal | undefined;
    session.handleTools({ hang: (_a, context) => new Promise(() => (signal = context.signal)) });
    peer.send(JSON.stringify({ type: "call", id: "c-9", name: "hang", args: {} }));
    await waitFor(() => signal !== undefined);
    await session.close();
    expect(signal?.aborted).toBe(true);
  });
});

describe("spec versions", () => {
  it("runs a version 1 dialect as a v2 one with the new capabilities off, and refuses an unknown version", async () => {
    server = await startToyServer();
    const socket = server.nextSocket();
    const { specVersion: _v2, ...rest } = toy({ url: server.url, key: KEY });
    const caps = { ...rest.capabilities } as Record<string, boolean>;
    for (const key of ["toolCalls", "textInput", "truncation", "sessionConfig", "sessionUpdate"]) delete caps[key];
    const v1 = { ...rest, specVersion: 1, capabilities: caps, createCodec: (plan: never) => rest.createCodec(plan, { runtime: "node", now: 0 }) };
    const session = await connectOpen(v1 as never);
    sessions.push(session);
    const peer = await socket;
    session.sendText("ignored: a v1 dialect has no textInput");
    session.sendDtmf("3");
    await waitFor(() => server!.received[0]!.length >= 1);
    expect(server.received[0]!.map((f) => JSON.parse(String(f)).type)).toEqual(["dtmf"]);
    peer.close();
    await expect(connectOpen({ ...rest, specVersion: 3 } as never)).rejects.toMatchObject({ code: "invalid_config" });
  });
});
