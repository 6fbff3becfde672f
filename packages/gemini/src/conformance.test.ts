// The shared conformance suite (docs/conformance.md): goldens through both roles, decoding any
// frame sequence never throws, and the live scenarios against the built-in simulator.
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { geminiSubject } from "./testing/index.js";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.anything(), arb);
const part = fc.record(
  {
    inlineData: maybe(
      fc.record({ mimeType: fc.constantFrom("audio/pcm", "audio/pcm;rate=24000", "audio/pcm;rate=x", "image/png"), data: fc.base64String() }),
    ),
    text: fc.anything(),
    thought: fc.anything(),
  },
  { requiredKeys: [] },
);
const transcription = maybe(fc.record({ text: fc.anything(), finished: fc.anything() }, { requiredKeys: [] }));

/** Every server and client message the codecs read, any of their fields present, of any value. */
const messages = fc.record(
  {
    setupComplete: fc.anything(),
    serverContent: maybe(
      fc.record(
        {
          modelTurn: maybe(fc.record({ parts: maybe(fc.array(part, { maxLength: 3 })) }, { requiredKeys: [] })),
          interrupted: fc.anything(),
          turnComplete: fc.anything(),
          generationComplete: fc.anything(),
          inputTranscription: transcription,
          outputTranscription: transcription,
        },
        { requiredKeys: [] },
      ),
    ),
    toolCall: maybe(fc.record({ functionCalls: maybe(fc.array(fc.record({ id: fc.anything(), name: fc.anything(), args: fc.anything() }))) })),
    toolCallCancellation: maybe(fc.record({ ids: fc.anything() })),
    goAway: maybe(fc.record({ timeLeft: fc.oneof(fc.anything(), fc.constantFrom("50s", "0.5s", "s", "-1s")) })),
    sessionResumptionUpdate: maybe(fc.record({ newHandle: fc.anything(), resumable: fc.anything() }, { requiredKeys: [] })),
    voiceActivity: maybe(fc.record({ voiceActivityType: fc.oneof(fc.anything(), fc.constantFrom("ACTIVITY_START", "ACTIVITY_END")) })),
    usageMetadata: fc.anything(),
    setup: maybe(
      fc.record(
        { model: fc.anything(), systemInstruction: fc.anything(), tools: fc.anything(), generationConfig: fc.anything() },
        { requiredKeys: [] },
      ),
    ),
    realtimeInput: maybe(
      fc.record(
        { audio: maybe(fc.record({ data: fc.base64String(), mimeType: fc.anything() })), text: fc.anything(), mediaChunks: fc.anything() },
        { requiredKeys: [] },
      ),
    ),
    toolResponse: maybe(fc.record({ functionResponses: fc.anything() })),
  },
  { requiredKeys: [] },
);

describeConformance(geminiSubject, { fuzz: { messages } });
