// `voxwire bridge --carrier …` and `voxwire simulate <carrier>`, run in-process through main():
// every carrier's simulator calls one `--carrier auto` bridge on the shared /media path.

import { dialAsterisk } from "@voxwire/asterisk";
import { startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { captureIo, eventually, FakeAgent, syntheticClips } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

async function runBridge(carrier: string) {
  const sim = await startSimulator({ front: omniFront(), fast: true, clips: syntheticClips(8000), keys: ["K1"] });
  cleanups.push(() => sim.close());
  const stop = new AbortController();
  const cli = captureIo({ signal: stop.signal, env: { VOXWIRE_AGENT_KEY: "K1" } });
  const exit = main(["bridge", "omni", "--agent-url", sim.url, "--port", "0", "--allow-unsigned", "--lead-ms", "5000", "--carrier", carrier], cli.io);
  cleanups.push(async () => {
    stop.abort();
    await exit;
  });
  await eventually(() => cli.stdout().includes("\n"));
  const [first] = cli.stdout().split("\n");
  expect(first).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
  return { sim, cli, base: first!.replace("listening http", "ws") };
}

describe("voxwire bridge --carrier auto", () => {
  it.each(["telnyx", "plivo", "asterisk", "vonage", "exotel"])(
    "voxwire simulate %s dials the shared /media; the bridge detects it",
    async (carrier) => {
      const { sim, cli: bridge, base } = await runBridge("auto");
      const cli = captureIo();
      const code = await main(
        ["simulate", carrier, "--url", `${base}/media`, "--dtmf", "4@0s", "--tail-ms", "0", "--fast", "--json", "--quiet"],
        cli.io,
      );
      expect(code).toBe(0);
      const record = JSON.parse(cli.stdout()) as { carrier: string; received: { audioMs: number }; sent: { dtmf: unknown[] } };
      expect(record.carrier).toBe(carrier);
      expect(record.received.audioMs).toBeGreaterThan(0);
      expect(record.sent.dtmf).toHaveLength(1);
      await eventually(() => sim.sessions()[0]?.received.dtmf.includes("4") === true);
      await eventually(() => bridge.stderr().includes("ended: caller-hung-up"));
    },
  );

  it("a carrier by name serves only its routes; a wrong name is a usage error", async () => {
    const { base } = await runBridge("telnyx");
    expect(await main(["simulate", "telnyx", "--url", `${base}/telnyx/media`, "--tail-ms", "0", "--fast", "--quiet"], captureIo().io)).toBe(0);
    expect(await main(["simulate", "plivo", "--url", `${base}/plivo/media`, "--fast", "--quiet"], captureIo().io)).toBe(1);
    expect(await main(["bridge", "omni", "--agent-url", "http://x", "--key", "k", "--carrier", "acme"], captureIo().io)).toBe(2);
    expect(await main(["simulate", "telnyx", "--listen", "0"], captureIo().io)).toBe(2);
  });
});

describe("voxwire simulate asterisk --listen", () => {
  it("waits at /media/<id> like Dial(WebSocket/INCOMING/…), and the application dials it", async () => {
    const stop = new AbortController();
    const cli = captureIo({ signal: stop.signal });
    const exit = main(["simulate", "asterisk", "--listen", "0", "--tail-ms", "0", "--fast", "--quiet"], cli.io);
    cleanups.push(async () => {
      stop.abort();
      await exit;
    });
    await eventually(() => cli.stdout().includes("\n"));
    const match = /^listening (ws:\/\/127\.0\.0\.1:\d+)\/media\/([0-9a-f-]+)$/.exec(cli.stdout().split("\n")[0]!);
    expect(match).not.toBeNull();
    const agent = new FakeAgent();
    const call = await dialAsterisk({ url: match![1]!, connectionId: match![2]!, agent });
    await eventually(() => call.call !== undefined);
    expect(call.call!.carrier).toBe("asterisk");
    expect(await call.ended).toMatchObject({ reason: "caller-hung-up" });
    expect(await exit).toBe(0);
  });
});
