// The runtime matrix (packages/runtimes) drills every client dialect the registry lists, with the
// dialect its conformance subject builds: a new dialect must be added to both.
import { DRILL_DIALECTS } from "@voxwire/runtimes";
import { describe, expect, it } from "vitest";
import { DIALECTS } from "../src/registry.js";

describe("the runtime matrix's drills", () => {
  it("cover exactly the registry's client dialects, each built as the same dialect", () => {
    expect(Object.keys(DRILL_DIALECTS).sort()).toEqual(Object.keys(DIALECTS).sort());
    for (const [name, build] of Object.entries(DRILL_DIALECTS)) {
      const target = { url: "http://127.0.0.1:9", key: "pyai_test_dr1llK3y_0123456789", agentId: "agent_123" };
      expect(build(target).name, name).toBe(DIALECTS[name]!.client(target).name);
    }
  });
});
