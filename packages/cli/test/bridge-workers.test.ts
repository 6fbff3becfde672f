// `voxwire bridge --workers 2`, run as a real process (the workspace launcher): node:cluster
// workers share the port, calls land and are counted in the primary's sum of the workers'
// metrics, a worker killed is replaced, and SIGTERM stops them all.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { eventually, parsePrometheusText, pollUntil, syntheticClips } from "@voxwire/test-utils";
import { simulateTwilioCall } from "@voxwire/twilio/testing";
import { afterEach, describe, expect, it } from "vitest";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

interface LogLine {
  level: string;
  msg: string;
}

describe("voxwire bridge --workers", () => {
  it("two workers share the port; calls land and are counted across both; a killed worker is replaced; SIGTERM stops all", async () => {
    const sim = await startSimulator({ front: omniFront(), fast: true, clips: syntheticClips(8000), keys: ["K1"] });
    cleanups.push(() => sim.close());
    const launcher = fileURLToPath(new URL("../../dev-launcher/voxwire.mjs", import.meta.url));
    const args = [
      "bridge",
      "omni",
      "--agent-url",
      sim.url,
      "--port",
      "0",
      "--allow-unsigned",
      "--lead-ms",
      "5000",
      "--workers",
      "2",
      "--json",
      "--metrics",
      "--metrics-port",
      "0",
    ];
    const child: ChildProcess = spawn(process.execPath, [launcher, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, VOXWIRE_AGENT_KEY: "K1" },
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    cleanups.push(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const logs = () =>
      stderr
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as LogLine);
    const listening = () => logs().flatMap((l) => /^worker (\d+) listening/.exec(l.msg)?.[1] ?? []);

    await eventually(() => stdout.includes("\n"), "the first line", 60_000);
    const url = /^listening (http:\/\/127\.0\.0\.1:\d+)$/.exec(stdout.split("\n")[0]!)?.[1];
    expect(url).toBeDefined();
    await eventually(() => listening().length === 2, "two workers listening", 60_000);
    const media = `${url!.replace("http", "ws")}/media`;

    /** A call through the shared port: it lands when the agent's greeting reaches the carrier. */
    const callLands = async () => {
      const call = simulateTwilioCall({ url: media, fast: true, stop: "manual", tailMs: 0 });
      cleanups.push(() => call.terminate());
      await call.opened;
      await eventually(() => call.record.received.audioMs > 0, "the agent's audio", 20_000);
      await call.stop();
    };
    await Promise.all([callLands(), callLands(), callLands()]);

    // The primary's scrape sums both workers: the three calls, wherever they landed.
    const metricsUrl = logs().flatMap((l) => /^metrics of every worker at (\S+)$/.exec(l.msg)?.[1] ?? [])[0];
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    let last = "";
    const counted = await pollUntil(
      async () => {
        last = await (await fetch(metricsUrl!)).text();
        const values = parsePrometheusText(last);
        return values.get("voxwire_bridge_calls_started_total") === 3 && values.get("voxwire_bridge_calls_live") === 0 ? values : undefined;
      },
      "the three calls counted and ended",
      30_000,
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}; the last scrape's calls: ${last
          .split("\n")
          .filter((l) => l.includes("calls_"))
          .join("; ")}`,
      );
    });
    expect(counted.get('voxwire_bridge_frames_total{direction="agent_to_caller",outcome="sent"}')).toBeGreaterThan(0);

    // Kill one worker outright: the primary logs it and starts a replacement on the same port.
    const [victim] = listening();
    process.kill(Number(victim), "SIGKILL");
    await pollUntil(
      () => logs().find((l) => l.level === "error" && l.msg.includes(`worker ${victim} died (signal SIGKILL)`)),
      "the death logged",
      30_000,
    );
    await eventually(() => listening().length === 3, "a replacement listening", 60_000);
    await Promise.all([callLands(), callLands()]);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout + stderr).not.toContain("K1");
  }, 120_000);
});
