import type { TranscriptFields } from "@voxwire/core";
import { OpenaiServerEvent } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/*
 * Realtime transcripts come as deltas, then one event with the whole text: the user's from
 * `conversation.item.input_audio_transcription.delta` / `.completed` (`transcript`), the agent's
 * from `response.output_audio_transcript.delta` / `.done` (`transcript`). Core's
 * TranscriptAccumulator keeps the text so far, which `transcript-delta` carries.
 */
const READERS: Readonly<Record<string, (message: Message) => TranscriptFields | undefined>> = {
  [OpenaiServerEvent.inputTranscriptDelta]: (m) => delta("user", m),
  [OpenaiServerEvent.inputTranscriptCompleted]: (m) => done("user", m),
  [OpenaiServerEvent.outputTranscriptDelta]: (m) => delta("agent", m),
  [OpenaiServerEvent.outputTranscriptDone]: (m) => done("agent", m),
};

function delta(role: "user" | "agent", message: Message): TranscriptFields | undefined {
  // `delta` is optional on the user's event: one without it adds nothing, and is still a delta.
  const text = message.delta ?? "";
  return typeof text === "string" ? { role, text: undefined, delta: text, final: false } : undefined;
}

function done(role: "user" | "agent", message: Message): TranscriptFields | undefined {
  return typeof message.transcript === "string" ? { role, text: message.transcript, delta: undefined, final: true } : undefined;
}

/** True for the four transcript event names. */
export function isTranscriptEvent(type: string): boolean {
  return Object.hasOwn(READERS, type);
}

/** A transcript event's fields, or undefined when its text is not a string (it then passes through). */
export function readTranscript(type: string, message: Readonly<Record<string, unknown>>): TranscriptFields | undefined {
  return Object.hasOwn(READERS, type) ? READERS[type]!(message) : undefined;
}

/** The wire event a peer sends for a transcript event. */
export function transcriptEventName(role: "user" | "agent", final: boolean): string {
  if (role === "user") return final ? OpenaiServerEvent.inputTranscriptCompleted : OpenaiServerEvent.inputTranscriptDelta;
  return final ? OpenaiServerEvent.outputTranscriptDone : OpenaiServerEvent.outputTranscriptDelta;
}
