import type { InboundEvent } from "../events/inbound.js";
import type { WireFrame } from "../events/wire-frame.js";

export type TranscriptRole = "user" | "agent";

/** One transcript message, as a dialect's reader understood it. */
export interface TranscriptFields {
  readonly role: TranscriptRole;
  /** The turn's whole text so far, when the message states it: replaces what was accumulated. */
  readonly text: string | undefined;
  /** What the message adds to the turn, when it says. */
  readonly delta: string | undefined;
  /** True when the message ends the turn. */
  readonly final: boolean;
}

/**
 * The per-role text of the turn in progress, for dialects whose transcripts may carry only a
 * `delta`: the text so far has to live somewhere, and this is a codec's only state for it.
 *   - The text after a message is its `text` when given, else the text so far plus `delta`.
 *   - `transcript-delta` while not final; its `delta` is the message's when given, else what
 *     `text` adds to the text so far (the whole `text` when it does not extend it: a rewrite).
 *   - `transcript-end` when final, with the text after the message; the role's text is then ""
 *     again, so a delta after a final starts a new turn.
 * Which fields count as `text` and `delta` is the dialect's reader's decision.
 */
export class TranscriptAccumulator {
  readonly #turn: Record<TranscriptRole, string> = { user: "", agent: "" };

  apply(fields: TranscriptFields, raw: WireFrame): InboundEvent {
    const { role, text, delta, final } = fields;
    const before = this.#turn[role];
    const after = text ?? before + (delta ?? "");
    this.#turn[role] = final ? "" : after;
    if (final) return { type: "transcript-end", role, text: after, raw };
    const added = delta ?? (after.startsWith(before) ? after.slice(before.length) : after);
    return { type: "transcript-delta", role, delta: added, text: after, raw };
  }
}
