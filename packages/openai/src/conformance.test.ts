// The shared conformance suite (docs/conformance.md): goldens through both roles, decoding any
// frame sequence never throws, and the live scenarios against the built-in simulator.
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { openaiSubject } from "./testing/index.js";

/** The GA events both codecs read, any of their fields present, of any value. */
const messages = fc.record(
  {
    type: fc.constantFrom(
      "session.created",
      "session.updated",
      "session.update",
      "error",
      "input_audio_buffer.append",
      "input_audio_buffer.speech_started",
      "response.output_audio.delta",
      "response.output_audio_transcript.delta",
      "response.output_audio_transcript.done",
      "conversation.item.input_audio_transcription.delta",
      "conversation.item.input_audio_transcription.completed",
      "response.function_call_arguments.done",
      "x",
    ),
    event_id: fc.anything(),
    item_id: fc.anything(),
    session: fc.oneof(fc.anything(), fc.record({ id: fc.anything(), type: fc.anything() }, { requiredKeys: [] })),
    audio: fc.oneof(fc.anything(), fc.base64String()),
    delta: fc.oneof(fc.anything(), fc.base64String()),
    transcript: fc.anything(),
    error: fc.oneof(fc.anything(), fc.record({ type: fc.anything(), code: fc.anything(), message: fc.anything() }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

describeConformance(openaiSubject, { fuzz: { messages } });
