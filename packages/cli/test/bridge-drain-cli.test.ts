// `voxwire bridge` stopped (SIGTERM/SIGINT; here its abort signal) drains: /readyz fails at once,
// the live call goes on until its caller hangs up, then the command exits 0.
import { startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { captureIo, eventually, syntheticClips } from "@voxwire/test-utils";
import { simulateTwilioCall } from "@voxwire/twilio/testing";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

describe("voxwire bridge: drain on stop", () => {
  it("stops taking calls at once, lets the live one finish, then exits 0", async () => {
    const sim = await startSimulator({ front: omniFront(), fast: true, clips: syntheticClips(8000), keys: ["K1"] });
    cleanups.push(() => sim.close());
    const stop = new AbortController();
    const cli = captureIo({ signal: stop.signal, env: { VOXWIRE_AGENT_KEY: "K1" } });
    const args = ["bridge", "omni", "--agent-url", sim.url, "--port", "0", "--allow-unsigned", "--lead-ms", "5000", "--drain-timeout", "60000"];
    let exitCode: number | undefined;
    const exit = main(args, cli.io).then((code) => (exitCode = code));
    cleanups.push(async () => {
      stop.abort();
      await exit;
    });
    await eventually(() => cli.stdout().includes("\n"));
    const base = cli.stdout().split("\n")[0]!.replace("listening ", "");
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const call = simulateTwilioCall({ url: `${base.replace("http", "ws")}/media`, fast: true, stop: "manual", tailMs: 0 });
    cleanups.push(() => call.terminate());
    await call.opened;
    await eventually(() => call.record.received.audioMs > 0, "the agent's audio");

    stop.abort();
    await eventually(() => cli.stderr().includes("draining 1 live call(s), up to 60000 ms"), "the drain");
    const ready = await fetch(`${base}/readyz`, { headers: { connection: "close" } });
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "draining", liveCalls: 1 });
    expect(exitCode).toBeUndefined(); // the live call holds the exit

    await call.stop();
    expect(await exit).toBe(0);
    expect(cli.stderr()).toContain("ended: caller-hung-up");
    expect(cli.stderr()).not.toContain("ended: draining");
  }, 30_000);
});
