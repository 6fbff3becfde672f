import { fc } from "@fast-check/vitest";
import type { ConnectPlan, DialectEnv } from "@voxwire/core";
import { describe } from "vitest";
import { decodeNeverThrows, frameSequences } from "../../core/test/decode-never-throws.js";
import { omni } from "./index.js";

const NODE: DialectEnv = { runtime: "node", now: 0 };
const dialect = omni({ agentId: "agent_123", apiKey: "pyai_test_k3y", rate: 24000 });
const plan = (dialect.prepare(NODE) as { plan: ConnectPlan }).plan;

/** Omni's messages, every field of any value. */
const omniMessage = fc.record({
  type: fc.constantFrom("hello", "session_started", "flush", "dtmf", "transfer_to_human", "session_ending", "transcript", "partial", "x"),
  digit: fc.anything(),
  text: fc.anything(),
  delta: fc.anything(),
  role: fc.anything(),
  final: fc.anything(),
  reason: fc.anything(),
  session_id: fc.anything(),
});

describe("decode never throws", () => {
  decodeNeverThrows([{ dialect, plan }], frameSequences(omniMessage, 4096));
});
