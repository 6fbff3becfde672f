// `voxwire probe --ws-url`: a bare socket URL (a created call's join URL, a vendor's socket
// endpoint) is matched to its dialect with no bootstrap call; a silent or unknown server matches none.
import { DEFAULT_SIMULATOR_KEY, type ProbeReport, type Simulator, startSimulator } from "@voxwire/conformance";
import { ULTRAVOX_PRESET } from "@voxwire/omnia";
import { omniaFront } from "@voxwire/omnia/testing";
import { openaiFront } from "@voxwire/openai/testing";
import { captureIo, silentServer, webPageServer } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";

const KEY = "probe-socket-key-0001";
const sims: Simulator[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all([...sims.splice(0).map((s) => s.close()), ...closers.splice(0).map((c) => c())]);
});

/** Creates a call on a call-create simulator, the way the vendor's REST API does, and returns its socket URL. */
async function createdCall(sim: Simulator, ultravox: boolean): Promise<string> {
  const [path, body, field] = ultravox
    ? ["/api/agents/agent-1/calls", { medium: { serverWebSocket: { inputSampleRate: 16000, outputSampleRate: 16000 } } }, "joinUrl"]
    : [
        "/api/v1/calls/create",
        { agentId: "agent-1", connectionType: "websocket", websocket: { inputSampleRate: 16000, outputSampleRate: 16000 } },
        "websocketUrl",
      ];
  const answer = await fetch(`${sim.url}${path}`, {
    method: "POST",
    headers: { "X-API-Key": KEY, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as Record<string, string>)[field]!;
}

async function probeJson(argv: string[]): Promise<{ code: number; report: ProbeReport }> {
  const cli = captureIo();
  const code = await main(["probe", ...argv, "--timeout-ms", "1000", "--json", "--quiet"], cli.io);
  return { code, report: JSON.parse(cli.stdout()) as ProbeReport };
}

describe("voxwire probe --ws-url", () => {
  it("a server speaking Ultravox's serverWebSocket: best match ultravox, by its transcripts' own fields", async () => {
    const sim = await startSimulator({ front: omniaFront({ preset: ULTRAVOX_PRESET }), fast: true, keys: [KEY] });
    sims.push(sim);
    const joinUrl = await createdCall(sim, true);
    const cli = captureIo();
    expect(await main(["probe", "--ws-url", joinUrl, "--timeout-ms", "1000", "--quiet"], cli.io)).toBe(0);
    const out = cli.stdout();
    expect(out.trimEnd().split("\n").at(-1)).toBe("best match: ultravox (speaks it)");
    expect(out).toMatch(/ultravox +speaks it +a plain socket was sent a session start .*its vendor's own fields: transcript\.(ordinal|medium)/);
    expect(out).toMatch(/omnia +speaks it/);
    expect(out).toMatch(/openai +no +cannot read this socket/);
    // The join URL is a capability: neither its token nor its call id is printed.
    const url = new URL(joinUrl);
    expect(out).not.toContain(url.searchParams.get("token")!);
    expect(out).not.toContain(url.pathname.split("/")[4]!);
    // No bootstrap call was made: the one session the simulator saw is the plain socket's, which sent nothing.
    expect(sim.sessions()).toHaveLength(1);
    expect(sim.sessions()[0]!.received.frames).toBe(0);
  });

  it("the same wire without Ultravox's fields is Omnia's", async () => {
    const sim = await startSimulator({ front: omniaFront(), fast: true, keys: [KEY] });
    sims.push(sim);
    const { code, report } = await probeJson(["--ws-url", await createdCall(sim, false)]);
    expect(code).toBe(0);
    expect(report.best).toMatchObject({ dialect: "omnia", verdict: "speaks", deviations: [] });
    expect(report.attempts.find((a) => a.dialect === "ultravox")).toMatchObject({ verdict: "speaks" });
    expect(report.attempts.find((a) => a.dialect === "ultravox")?.marks).toBeUndefined();
  });

  it("OpenAI Realtime's socket: the openai dialect dials it itself (the server waits for the client)", async () => {
    const sim = await startSimulator({ front: openaiFront(), fast: true, keys: [KEY] });
    sims.push(sim);
    const wsUrl = `${sim.wsUrl}/v1/realtime?model=gpt-realtime`;
    const keyed = await probeJson(["--ws-url", wsUrl, "--key", KEY]);
    expect(keyed.code).toBe(0);
    expect(keyed.report.best).toMatchObject({ dialect: "openai", verdict: "speaks", deviations: [] });
    expect(JSON.stringify(keyed.report)).not.toContain(KEY);
    const anonymous = await probeJson(["--ws-url", wsUrl]);
    expect(anonymous.report.attempts.find((a) => a.dialect === "openai")).toMatchObject({ verdict: "refuses-auth" });
    expect(anonymous.report.attempts.every((a) => a.verdict !== "speaks")).toBe(true);
  });

  it("a silent server and a web page: best match none, exit 1", async () => {
    const silent = await silentServer();
    const page = await webPageServer();
    closers.push(silent.close, page.close);
    for (const server of [silent, page]) {
      const cli = captureIo();
      expect(await main(["probe", "--ws-url", server.url.replace("http:", "ws:"), "--timeout-ms", "500", "--quiet"], cli.io)).toBe(1);
      expect(cli.stdout().trimEnd().split("\n").at(-1)).toBe("best match: none of the known dialects");
    }
  });

  it("usage: --ws-url takes a ws: URL, and not with --url", async () => {
    for (const argv of [
      ["probe", "--ws-url", "http://127.0.0.1:1"],
      ["probe", "--ws-url", "ws://127.0.0.1:1", "--url", "http://127.0.0.1:1"],
    ]) {
      const cli = captureIo();
      expect(await main(argv, cli.io)).toBe(2);
    }
    const help = captureIo();
    await main(["probe", "--help"], help.io);
    expect(help.stdout() + help.stderr()).toMatch(/Dialects tried with --ws-url: .*omnia.*openai.*ultravox/);
    expect(DEFAULT_SIMULATOR_KEY).toBeTruthy();
  });
});
