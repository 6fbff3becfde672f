import type { ConnectPlan } from "@voxwire/core";
import { codecEnv, everything, thrown } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { type OmniOptions, omni } from "./index.js";

const SECRET = "pyai_live_S3cr3tV4lue";

describe("no credential in any Omni error", () => {
  it("factory and prepare refusals never quote the key or the subprotocol value", () => {
    const cases: Array<() => unknown> = [
      () => omni({ agentId: "bad id", apiKey: SECRET, rate: 24000 }),
      () => omni({ agentId: "a1", apiKey: SECRET, rate: 44100 } as unknown as OmniOptions),
      () => omni({ agentId: "a1", apiKey: `${SECRET}/=`, rate: 24000 }),
      () => omni({ agentId: "a1", apiKey: SECRET, token: SECRET, rate: 24000 }),
      () => omni({ agentId: "a1", apiKey: SECRET, rate: 24000, baseUrl: `wss://x:${SECRET}@host` }),
      () => omni({ agentId: "a1", apiKey: SECRET, rate: 24000 }).prepare({ runtime: "browser", now: 0 }),
      () => omni({ agentId: "a1", token: SECRET, rate: 24000 }).prepare({ runtime: "worker", now: 0 }),
    ];
    for (const run of cases) {
      const text = everything(thrown(run));
      expect(text).not.toContain("S3cr3tV4lue");
    }
  });

  it("codec errors carry only what the (already redacted) peer said", () => {
    const dialect = omni({ agentId: "a1", apiKey: SECRET, rate: 24000 });
    const plan = (dialect.prepare({ runtime: "node", now: 0 }) as { plan: ConnectPlan }).plan;
    const codec = dialect.createCodec(plan, codecEnv());
    const events = [...codec.close(4401, ""), ...codec.close(4403, ""), ...codec.decode("{bad"), ...codec.decode(new Uint8Array(3))];
    const errors = [
      ...events.flatMap((e) => (e.type === "error" ? [e.error] : [])),
      codec.upgradeRejected(429, "concurrency_limit_exceeded"),
      codec.upgradeRejected(400, '{"error":"invalid_agent_id"}'),
    ];
    for (const error of errors) expect(everything(error)).not.toContain("S3cr3tV4lue");
  });
});
