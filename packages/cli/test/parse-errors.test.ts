// A bad command line in the CLI's own words: one clean line, the usage, exit 2.
import { captureIo } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";

describe("parse errors in the CLI's words", () => {
  it("an unknown option, a missing value, a value for a switch: one clean line, the usage, exit 2", async () => {
    for (const [argv, line] of [
      [["check", "omni", "--frob"], "voxwire check: unknown option --frob"],
      [["check", "omni", "-x"], "voxwire check: unknown option -x"],
      [["probe", "--url"], "voxwire probe: --url needs a value"],
      [["probe", "--url", "--json"], "voxwire probe: --url needs a value"],
      [["record", "omni", "--fast=yes"], "voxwire record: --fast takes no value"],
      [["simulate", "omni", "--port"], "voxwire simulate: --port needs a value"],
      [["bridge", "omni", "--frob"], "voxwire bridge: unknown option --frob"],
      [["call", "twilio", "--url", "ws://x/media", "stray"], "voxwire call: unexpected argument stray"],
    ] as const) {
      const cli = captureIo();
      expect(await main([...argv], cli.io), argv.join(" ")).toBe(2);
      const [first, blank, usage] = cli.stderr().split("\n");
      expect(first).toBe(line);
      expect(blank).toBe("");
      expect(usage).toMatch(/^usage: voxwire /);
      expect(first).not.toMatch(/['"]/);
    }
  });
});
