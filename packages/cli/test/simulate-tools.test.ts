// `voxwire simulate` on a dialect with tool calls runs the conformance script's tool call, so
// `voxwire check --url` passes its tool-call scenario against it; a script file may name its own tool.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONFORMANCE_TOOL_CALL, type DialectReport, sine, writeWavPcm16 } from "@voxwire/conformance";
import { connect } from "@voxwire/core";
import { ultravoxSubject } from "@voxwire/omnia/testing";
import { captureIo, eventually } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";

const KEY = "sim-tools-key";
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

interface Records {
  sessions: { agent: { tools: { callId: string; name: string; output?: unknown }[]; texts: string[] } }[];
}

/** `voxwire simulate <dialect> …` until the test ends; its URL, and its JSON records once stopped. */
async function simulate(dialect: string, extra: string[] = []) {
  const stop = new AbortController();
  const cli = captureIo({ signal: stop.signal });
  const exit = main(["simulate", dialect, "--port", "0", "--key", KEY, "--fast", "--json", "--quiet", ...extra], cli.io);
  let stopped = false;
  const finish = async () => {
    if (stopped) return;
    stopped = true;
    stop.abort();
    expect(await exit).toBe(0);
  };
  cleanups.push(finish);
  await eventually(() => cli.stdout().includes("\n"));
  const first = cli.stdout().split("\n")[0]!;
  const records = async () => {
    await finish();
    return JSON.parse(cli.stdout().slice(first.length + 1)) as Records;
  };
  return { url: first.replace("listening ", ""), records };
}

describe("voxwire simulate: tool calls", () => {
  for (const dialect of ["ultravox", "openai"]) {
    it(`${dialect}: voxwire check --url passes tool-call and text-in against voxwire simulate`, async () => {
      const { url, records } = await simulate(dialect);
      const cli = captureIo();
      const code = await main(
        ["check", dialect, "--url", url, "--key", KEY, "--only", "tool-call", "--only", "text-in", "--json", "--quiet"],
        cli.io,
      );
      const report = JSON.parse(cli.stdout()) as { dialects: DialectReport[] };
      const results = report.dialects[0]!.results.map((r) => [r.id, r.status, r.detail]);
      expect(
        results.filter(([, status]) => status !== "passed"),
        JSON.stringify(results),
      ).toEqual([]);
      expect(results.map(([id]) => id)).toEqual(expect.arrayContaining(["tool-call", "text-in"]));
      expect(code).toBe(0);
      const tools = (await records()).sessions.flatMap((s) => s.agent.tools);
      expect(tools[0]).toMatchObject({ name: CONFORMANCE_TOOL_CALL.name });
      expect(tools[0]).toHaveProperty("output");
    }, 60_000);
  }

  it("--script names another tool; the client's handler answers it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "voxwire-sim-tools-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, "reply.wav"), writeWavPcm16(sine(16000, 0.2, 500, 8000), 16000));
    const script = join(dir, "script.json");
    writeFileSync(script, JSON.stringify({ turns: ["reply.wav"], toolCall: { name: "lookup_order", arguments: { order: "A-1" } } }));
    const { url, records } = await simulate("ultravox", ["--script", script]);
    const session = await connect(ultravoxSubject.client({ url, key: KEY, sampleRate: 16000 }));
    cleanups.push(() => session.close());
    const asked: unknown[] = [];
    session.handleTools({
      lookup_order: async (args) => {
        asked.push(args);
        return { status: "shipped" };
      },
    });
    session.sendText("Where is my order?");
    await eventually(() => asked.length === 1);
    expect(asked).toEqual([{ order: "A-1" }]);
    await session.close();
    const [record] = (await records()).sessions;
    expect(record!.agent.texts).toEqual(["Where is my order?"]);
    expect(record!.agent.tools).toEqual([{ callId: "call_1", name: "lookup_order", output: '{"status":"shipped"}' }]);
  }, 30_000);

  it("--script with toolCall null: no tool call", async () => {
    const dir = mkdtempSync(join(tmpdir(), "voxwire-sim-tools-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const script = join(dir, "script.json");
    writeFileSync(script, JSON.stringify({ toolCall: null }));
    const { url, records } = await simulate("ultravox", ["--script", script]);
    const session = await connect(ultravoxSubject.client({ url, key: KEY, sampleRate: 16000 }));
    cleanups.push(() => session.close());
    let calls = 0;
    let answered = false;
    session.on("tool-call", () => calls++);
    session.on("transcript-end", (e) => {
      if (e.role === "agent" && e.text !== "Hello, how can I help?") answered = true;
    });
    session.sendText("Hi");
    await eventually(() => answered);
    expect(calls).toBe(0);
    await session.close();
    expect((await records()).sessions[0]!.agent.tools).toEqual([]);
  }, 30_000);

  it("the help says what tool calls do", async () => {
    const cli = captureIo();
    await main(["simulate", "--help"], cli.io);
    const help = cli.stdout() + cli.stderr();
    expect(help).toContain('"toolCall": null none');
    expect(help).toMatch(/tool calls \(.*ultravox.*\)/s);
    expect(help).not.toContain("spec v2");
  });
});
