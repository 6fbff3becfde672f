// `voxwire bridge` and `voxwire simulate twilio`, run in-process through main().

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { joinSamples, silence, sine, startSimulator, writeWavPcm16 } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { captureIo, eventually, syntheticClips } from "@voxwire/test-utils";
import { simulateTwilioCall } from "@voxwire/twilio/testing";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

/** Starts `voxwire bridge omni` against an Omni simulator; resolves with its media URL. */
async function runBridge(extra: string[] = []) {
  const sim = await startSimulator({ front: omniFront(), fast: true, clips: syntheticClips(8000), keys: ["K1"] });
  cleanups.push(() => sim.close());
  const stop = new AbortController();
  // The key from the environment, as a deployment passes it (a key on argv prints a warning).
  const cli = captureIo({ signal: stop.signal, env: { VOXWIRE_AGENT_KEY: "K1" } });
  const exit = main(["bridge", "omni", "--agent-url", sim.url, "--port", "0", "--allow-unsigned", "--lead-ms", "5000", ...extra], cli.io);
  cleanups.push(async () => {
    stop.abort();
    await exit;
  });
  await eventually(() => cli.stdout().includes("\n"));
  const [first] = cli.stdout().split("\n");
  expect(first).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
  return { sim, cli, stop, exit, mediaUrl: `${first!.replace("listening http", "ws")}/media` };
}

describe("voxwire bridge", () => {
  it("serves calls to the agent until stopped; progress on stderr, never the key", async () => {
    const { sim, cli, stop, exit, mediaUrl } = await runBridge();
    const call = simulateTwilioCall({ url: mediaUrl, fast: true, stop: "manual", dtmf: [{ digit: "4", atMs: 0 }] });
    await call.opened;
    await eventually(() => sim.sessions().length === 1 && sim.sessions()[0]!.received.dtmf.length === 1);
    expect(sim.sessions()[0]!.rates).toEqual({ user: 8000, agent: 8000 });
    await call.stop();
    await eventually(() => cli.stderr().includes("ended: caller-hung-up"));
    stop.abort();
    expect(await exit).toBe(0);
    expect(cli.stderr()).toContain("agent connected (omni)");
    expect(cli.stderr()).toContain("caller pressed 4 (forwarded)");
    expect(cli.stderr()).not.toContain("K1");
  });

  it("--json: call events as JSON lines", async () => {
    const { cli, mediaUrl } = await runBridge(["--json", "--quiet"]);
    const call = simulateTwilioCall({ url: mediaUrl, fast: true, stop: "manual" });
    await call.opened;
    await eventually(() => cli.stdout().includes('"agent-connected"'));
    await call.stop();
    await eventually(() => cli.stdout().includes('"type":"ended"'));
    const lines = cli
      .stdout()
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => JSON.parse(line) as { type: string; time: string; carrier: string; callId: string; streamId: string });
    expect(lines[0]).toMatchObject({ type: "call-started" });
    expect(lines.at(-1)).toMatchObject({ type: "ended", reason: "caller-hung-up" });
    // Every line carries its time and the call's ids (concurrent calls can be told apart).
    const { callSid, streamSid } = (lines[0] as unknown as { call: { callSid: string; streamSid: string } }).call;
    for (const line of lines) {
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
      expect(line).toMatchObject({ carrier: "twilio", callId: callSid, streamId: streamSid });
    }
    // The server's own lines are JSON on stderr (the --allow-unsigned warning, the call's end), never the key.
    const logs = cli
      .stderr()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { level: string; msg: string; callId?: string });
    expect(logs.find((l) => l.level === "warn" && /allowUnsigned/.test(l.msg))).toBeDefined();
    expect(logs.find((l) => /ended: caller-hung-up/.test(l.msg))).toMatchObject({ callId: callSid });
    expect(cli.stdout() + cli.stderr()).not.toContain("K1");
  });

  it("usage errors exit 2", async () => {
    for (const argv of [
      ["bridge"],
      ["bridge", "acme", "--agent-url", "http://x", "--key", "k"],
      ["bridge", "omni", "--key", "k"],
      ["bridge", "omni", "--agent-url", "http://x", "--key", "k", "--port", "99999"],
      ["bridge", "omni", "--agent-url", "http://x", "--key", "k", "--transfer-to", "+1"],
      ["bridge", "omni", "--agent-url", "http://x", "--key", "k", "--twilio-account-sid", "AC1"],
    ]) {
      const cli = captureIo();
      expect(await main(argv, cli.io), argv.join(" ")).toBe(2);
    }
    const help = captureIo();
    expect(await main(["--help"], help.io)).toBe(0);
    expect(help.stdout()).toMatch(/bridge\s+answer Twilio calls/);
  });
});

describe("voxwire simulate twilio", () => {
  it("streams a WAV and a key through the bridge, and prints the call record", async () => {
    const { sim, mediaUrl } = await runBridge();
    const dir = mkdtempSync(join(tmpdir(), "voxwire-cli-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "caller.wav");
    // 1.2 s: the bridge keeps the last second of what a fast caller says before the agent is connected.
    writeFileSync(file, writeWavPcm16(joinSamples([silence(16000, 0.1), sine(16000, 0.4, 220), silence(16000, 0.7)]), 16000));
    const cli = captureIo();
    const code = await main(
      ["simulate", "twilio", "--url", mediaUrl, "--audio", file, "--dtmf", "4@0.1s", "--tail-ms", "0", "--fast", "--json", "--quiet"],
      cli.io,
    );
    expect(code).toBe(0);
    const record = JSON.parse(cli.stdout()) as {
      sent: { audioMs: number; dtmf: { digit: string }[] };
      received: { audioMs: number; frameBytes: Record<string, number> };
    };
    expect(record.sent.audioMs).toBeGreaterThanOrEqual(1200);
    expect(record.sent.dtmf).toMatchObject([{ digit: "4" }]);
    expect(record.received.audioMs).toBeGreaterThan(0);
    expect(Object.keys(record.received.frameBytes)).toEqual(["160"]);
    await eventually(() => sim.sessions()[0]?.agent.utterances.length === 1);
    expect(sim.sessions()[0]!.received.dtmf).toEqual(["4"]);
  });

  it("a summary by default; usage errors exit 2; an unreachable URL exits 1", async () => {
    const { mediaUrl } = await runBridge();
    const cli = captureIo();
    expect(await main(["simulate", "twilio", "--url", mediaUrl, "--fast", "--quiet"], cli.io)).toBe(0);
    expect(cli.stdout()).toMatch(/^call CA[0-9a-f]{32}: sent/);
    expect(cli.stdout()).toContain("closed 1000 by twilio");
    for (const argv of [
      ["simulate", "twilio"],
      ["simulate", "twilio", "--url", "http://x"],
      ["simulate", "twilio", "--url", mediaUrl, "--dtmf", "nope"],
      ["simulate", "twilio", "--url", mediaUrl, "--param", "novalue"],
    ]) {
      expect(await main(argv, captureIo().io), argv.join(" ")).toBe(2);
    }
    const dead = captureIo();
    expect(await main(["simulate", "twilio", "--url", "ws://127.0.0.1:1/media", "--fast"], dead.io)).toBe(1);
    expect(dead.stderr()).toContain("could not open");
  });
});
