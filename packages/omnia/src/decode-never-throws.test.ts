import { fc } from "@fast-check/vitest";
import { describe } from "vitest";
import { decodeNeverThrows, frameSequences } from "../../core/test/decode-never-throws.js";
import { createdPlan, KEY } from "../test/fixtures.js";
import { omnia, ultravox } from "./index.js";

const omniaDialect = omnia({ apiKey: KEY, agentId: "agent_42", inputSampleRate: 16000, outputSampleRate: 24000 });
const ultravoxDialect = ultravox({ apiKey: KEY, agentId: "agent_42", inputSampleRate: 48000 });

/** This wire's messages, every field of any value. */
const wireMessage = fc.record({
  type: fc.constantFrom("playback_clear_buffer", "state", "transcript", "call_started", "error", "debug", "pong", "x"),
  state: fc.anything(),
  role: fc.oneof(fc.constantFrom("user", "agent"), fc.anything()),
  text: fc.anything(),
  delta: fc.anything(),
  final: fc.anything(),
  message: fc.anything(),
  callId: fc.anything(),
  code: fc.anything(),
});

describe("decode never throws", () => {
  decodeNeverThrows(
    [
      { dialect: omniaDialect, plan: createdPlan(omniaDialect, "websocketUrl") },
      { dialect: ultravoxDialect, plan: createdPlan(ultravoxDialect, "joinUrl") },
    ],
    frameSequences(wireMessage, 4096),
    { nonEmpty: true },
  );
});
