// `voxwire bridge --metrics` in one process: GET /metrics on the bridge's port answers in
// Prometheus' text format, and a call through it is counted.
import { startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { captureIo, eventually, parsePrometheusText, pollUntil, syntheticClips } from "@voxwire/test-utils";
import { simulateTwilioCall } from "@voxwire/twilio/testing";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

describe("voxwire bridge --metrics", () => {
  it("serves /metrics on the bridge's port; a finished call is counted there", async () => {
    const sim = await startSimulator({ front: omniFront(), fast: true, clips: syntheticClips(8000), keys: ["K1"] });
    cleanups.push(() => sim.close());
    const stop = new AbortController();
    const cli = captureIo({ signal: stop.signal, env: { VOXWIRE_AGENT_KEY: "K1" } });
    const exit = main(["bridge", "omni", "--agent-url", sim.url, "--port", "0", "--allow-unsigned", "--metrics", "--quiet"], cli.io);
    cleanups.push(async () => {
      stop.abort();
      await exit;
    });
    await eventually(() => cli.stdout().includes("\n"));
    const base = cli.stdout().split("\n")[0]!.replace("listening ", "");
    const before = await fetch(`${base}/metrics`);
    expect(before.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(parsePrometheusText(await before.text()).get("voxwire_bridge_calls_live")).toBe(0);

    const call = simulateTwilioCall({ url: `${base.replace("http", "ws")}/media`, fast: true, stop: "manual", tailMs: 0 });
    cleanups.push(() => call.terminate());
    await call.opened;
    await eventually(() => call.record.received.audioMs > 0, "the agent's audio");
    expect(await scrape(`${base}/metrics`, "voxwire_bridge_calls_live")).toBe(1);
    await call.stop();
    await pollUntil(async () => ((await scrape(`${base}/metrics`, "voxwire_bridge_calls_live")) === 0 ? true : undefined), "the call ended");
    expect(await scrape(`${base}/metrics`, "voxwire_bridge_calls_started_total")).toBe(1);
    stop.abort();
    expect(await exit).toBe(0);
  }, 30_000);
});

/** One sample of a scrape. */
async function scrape(url: string, series: string): Promise<number | undefined> {
  return parsePrometheusText(await (await fetch(url)).text()).get(series);
}
