// One name for the agent: --agent on every command; bridge keeps --agent-id as a deprecated alias.
import { startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { captureIo, eventually, syntheticClips } from "@voxwire/test-utils";
import { simulateTwilioCall } from "@voxwire/twilio/testing";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";

const KEY = "agent-flag-key-0042";
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

describe("--agent everywhere", () => {
  it("bridge takes --agent; --agent-id still works with a deprecation warning; not both", async () => {
    for (const flag of ["--agent", "--agent-id"]) {
      const sim = await startSimulator({ front: omniFront(), fast: true, clips: syntheticClips(8000), keys: [KEY], agents: ["agent-7"] });
      cleanups.push(() => sim.close());
      const stop = new AbortController();
      const cli = captureIo({ signal: stop.signal, env: { VOXWIRE_AGENT_KEY: KEY } });
      const exit = main(["bridge", "omni", "--agent-url", sim.url, flag, "agent-7", "--port", "0", "--allow-unsigned", "--quiet"], cli.io);
      await eventually(() => cli.stdout().includes("\n"));
      const mediaUrl = `${cli.stdout().split("\n")[0]!.replace("listening http", "ws")}/media`;
      const call = simulateTwilioCall({ url: mediaUrl, fast: true, stop: "manual" });
      await call.opened;
      // The simulator knows only agent-7: a session exists only if the bridge asked for it.
      await eventually(() => sim.sessions().length === 1);
      await call.stop();
      stop.abort();
      expect(await exit).toBe(0);
      // Besides the unsigned server's own warnings: the deprecation, and only for the old name.
      const about = cli
        .stderr()
        .split("\n")
        .filter((line) => line.includes("--agent"));
      if (flag === "--agent") expect(about).toEqual([]);
      else expect(about).toEqual(["voxwire bridge: warning: --agent-id is deprecated; use --agent"]);
    }
    const both = captureIo({ env: { VOXWIRE_AGENT_KEY: KEY } });
    expect(await main(["bridge", "omni", "--agent-url", "http://x", "--agent", "a", "--agent-id", "b"], both.io)).toBe(2);
    expect(both.stderr()).toContain("give --agent only (--agent-id is its old name)");
    for (const name of ["check", "probe", "record", "simulate", "bridge"]) {
      const usage = captureIo();
      await main([name, "--help"], usage.io);
      expect(usage.stdout(), name).toMatch(/\n {2}--agent ID /);
    }
  }, 30_000);
});
