// The shared conformance suite (docs/conformance.md): goldens through both roles, decoding any
// frame sequence never throws, and the live scenarios against the built-in simulator.
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { deepgramSubject } from "./testing/index.js";

/** The messages both codecs read, any of their fields present, of any value. */
const messages = fc.record(
  {
    type: fc.constantFrom(
      "Welcome",
      "SettingsApplied",
      "ConversationText",
      "UserStartedSpeaking",
      "AgentThinking",
      "AgentStartedSpeaking",
      "AgentAudioDone",
      "FunctionCallRequest",
      "FunctionCallCancelled",
      "Error",
      "Warning",
      "Settings",
      "UpdatePrompt",
      "UpdateThink",
      "UpdateSpeak",
      "InjectUserMessage",
      "FunctionCallResponse",
      "KeepAlive",
      "x",
    ),
    request_id: fc.anything(),
    role: fc.oneof(fc.constantFrom("user", "assistant"), fc.anything()),
    content: fc.anything(),
    code: fc.anything(),
    description: fc.anything(),
    id: fc.anything(),
    name: fc.anything(),
    prompt: fc.anything(),
    functions: fc.oneof(
      fc.anything(),
      fc.array(
        fc.record(
          { id: fc.anything(), name: fc.anything(), arguments: fc.oneof(fc.anything(), fc.json()), client_side: fc.anything() },
          { requiredKeys: [] },
        ),
      ),
    ),
    agent: fc.oneof(fc.anything(), fc.record({ think: fc.anything(), speak: fc.anything(), language: fc.anything() }, { requiredKeys: [] })),
    think: fc.anything(),
    speak: fc.anything(),
  },
  { requiredKeys: [] },
);

describeConformance(deepgramSubject, { fuzz: { messages } });
