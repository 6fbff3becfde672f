import { type InboundEvent, isRecord, TranscriptAccumulator, type TranscriptRole, type WireFrame } from "@voxwire/core";

/*
 * Gemini transcribes both sides when the setup asks (`inputAudioTranscription`,
 * `outputAudioTranscription`): `serverContent.inputTranscription` / `.outputTranscription`
 * carry pieces of text (`{ text }`, the recorded sessions show " could talk about…" after "We"),
 * and `finished: true` where the service marks a transcription's end (`Transcription` in js-genai
 * `types.ts`). Nothing else ends a turn's text, so the codec ends it where the turn visibly ends:
 * the user's when the model starts answering (or the turn completes), the agent's at
 * `turnComplete`. This holds the text so far, per role, for `transcript-delta.text`.
 */
export class GeminiTranscripts {
  readonly #text = new TranscriptAccumulator();
  readonly #open: Record<TranscriptRole, boolean> = { user: false, agent: false };

  /** True while a role has text that no `transcript-end` has closed. */
  open(role: TranscriptRole): boolean {
    return this.#open[role];
  }

  /** A piece of text: `transcript-delta`, or `transcript-end` with it when the service says `finished`. */
  piece(role: TranscriptRole, delta: string, finished: boolean, raw: WireFrame): InboundEvent {
    this.#open[role] = !finished;
    return this.#text.apply({ role, text: undefined, delta, final: finished }, raw);
  }

  /** Ends the role's open turn: its `transcript-end`, or nothing when no text is open. */
  end(role: TranscriptRole, raw: WireFrame): InboundEvent[] {
    if (!this.#open[role]) return [];
    this.#open[role] = false;
    return [this.#text.apply({ role, text: undefined, delta: "", final: true }, raw)];
  }
}

/** A `Transcription` object's text and `finished` flag, or undefined when it has neither. */
export function readTranscription(value: unknown): { text: string; finished: boolean } | undefined {
  if (!isRecord(value)) return undefined;
  const text = typeof value.text === "string" ? value.text : "";
  const finished = value.finished === true;
  return text.length > 0 || finished ? { text, finished } : undefined;
}
