import { isRecord, type TranscriptFields } from "@voxwire/core";
import { ElevenlabsServerEvent } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/*
 * ElevenLabs transcripts are whole texts, never deltas (AsyncAPI):
 *   - `tentative_user_transcript` (`tentative_user_transcription_event.user_transcript`): the user's
 *     turn so far, which may still change → `transcript-delta` with that text;
 *   - `user_transcript` (`user_transcription_event.user_transcript`): the user's turn → `transcript-end`;
 *   - `agent_response` (`agent_response_event.agent_response`): the agent's turn → `transcript-end`;
 *   - `agent_response_correction` (`original_agent_response`, `corrected_agent_response`): after an
 *     interruption, what the agent actually got to say → a second `transcript-end` for the same
 *     turn (`turnId`) with the corrected text, which replaces the first; `raw` keeps both texts.
 * Each names its `event_id`, which becomes the `turnId`.
 */

interface Reading extends TranscriptFields {
  readonly turnId: string | undefined;
}

const READERS: Readonly<Record<string, (message: Message) => Reading | undefined>> = {
  [ElevenlabsServerEvent.tentativeUserTranscript]: (m) =>
    read(m.tentative_user_transcription_event, "user_transcript", (text, turnId) => ({
      role: "user",
      text,
      delta: undefined,
      final: false,
      turnId,
    })),
  [ElevenlabsServerEvent.userTranscript]: (m) =>
    read(m.user_transcription_event, "user_transcript", (text, turnId) => ({ role: "user", text, delta: undefined, final: true, turnId })),
  [ElevenlabsServerEvent.agentResponse]: (m) =>
    read(m.agent_response_event, "agent_response", (text, turnId) => ({ role: "agent", text, delta: undefined, final: true, turnId })),
  [ElevenlabsServerEvent.agentResponseCorrection]: (m) =>
    read(m.agent_response_correction_event, "corrected_agent_response", (text, turnId) => ({
      role: "agent",
      text,
      delta: undefined,
      final: true,
      turnId,
    })),
};

function read(event: unknown, field: string, make: (text: string, turnId: string | undefined) => Reading): Reading | undefined {
  if (!isRecord(event) || typeof event[field] !== "string") return undefined;
  return make(event[field] as string, eventIdOf(event));
}

/** An `event_id` as a turn id: integers only (the AsyncAPI's type), else none. */
export function eventIdOf(event: Readonly<Record<string, unknown>>): string | undefined {
  return Number.isSafeInteger(event.event_id) ? String(event.event_id) : undefined;
}

/** A transcript message's fields, or undefined when it is not one (or its text is not a string: it then passes through). */
export function readTranscript(type: string, message: Message): Reading | undefined {
  return Object.hasOwn(READERS, type) ? READERS[type]!(message) : undefined;
}
