import { fc, test } from "@fast-check/vitest";
import type { ConnectPlan } from "@voxwire/core";
import { describe, expect } from "vitest";
import { decodeNeverThrows, frameSequences } from "../../core/test/decode-never-throws.js";
import { SEED_TOKEN_RESPONSE } from "../test/seed-001-frames.js";
import { tokenFirst } from "./index.js";

const dialect = tokenFirst({ apiUrl: "https://x.test", apiKey: "sk_example_K3yValue" });
const preparation = dialect.prepare({ runtime: "node", now: 0 });
if (preparation.kind !== "bootstrap") throw new Error("unreachable");
const plan: ConnectPlan = preparation.parse({ status: 200, headers: {}, body: SEED_TOKEN_RESPONSE }, { runtime: "node", now: 0 });

/** Token-first's messages, any of their fields present, of any value. */
const tokenFirstMessage = fc.record(
  {
    type: fc.constantFrom("connected", "agent_ready", "session_ended", "error", "x"),
    reason: fc.anything(),
    code: fc.anything(),
    message: fc.anything(),
    token: fc.anything(),
    session_id: fc.anything(),
  },
  { requiredKeys: [] },
);

describe("decode never throws", () => {
  decodeNeverThrows([{ dialect, plan }], frameSequences(tokenFirstMessage, 2048));

  test.prop([fc.string()])("a token answer is a plan or a typed error", (body) => {
    try {
      preparation.parse({ status: 200, headers: {}, body }, { runtime: "node", now: 0 });
    } catch (error) {
      expect(error).toMatchObject({ code: "protocol_violation" });
    }
  });
});
