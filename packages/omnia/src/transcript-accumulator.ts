import type { InboundEvent, WireFrame } from "@voxwire/core";

export type TranscriptRole = "user" | "agent";

/** One `transcript` message, already read: `text` only when it is a non-empty string. */
export interface TranscriptFields {
  readonly role: TranscriptRole;
  readonly text: string | undefined;
  readonly delta: string;
  readonly final: boolean;
}

/**
 * The per-role text of the turn in progress. A `transcript` message may carry only a `delta`, so
 * the text so far has to live somewhere: this is the codec's only state.
 *
 * The rules are the seed 002 client's (`_handle_data_message`), applied to both roles
 * (the seed displays only the agent's; it keeps no user text at all):
 *   1. A non-empty string `text` replaces the turn's text. `text: ""`, `null` or a non-string
 *      counts as absent (the seed tests `msg.get("text")` for truthiness).
 *   2. Otherwise `delta` is appended; a missing, `null` or non-string `delta` appends nothing
 *      (the seed would raise on `None`; we do not). So `text: ""` with no delta re-states the
 *      text so far, and `text: ""` with a delta appends it: it never clears.
 *   3. The event carries the turn's text after the message: `transcript-delta` while `final` is
 *      not `true`, `transcript-end` when it is. A final with neither field ends the turn with the
 *      text so far (possibly "").
 *   4. After a final the role's text is "": a delta after a final starts a new turn.
 * `delta` on `transcript-delta` is what the message added: its `delta`, or for a replacing `text`
 * the part after the old text when it extends it, else the whole new text (a rewrite: read `text`).
 */
export class TranscriptAccumulator {
  readonly #turn: Record<TranscriptRole, string> = { user: "", agent: "" };

  apply(fields: TranscriptFields, raw: WireFrame): InboundEvent {
    const { role, text, delta, final } = fields;
    const before = this.#turn[role];
    const after = text ?? before + delta;
    const added = text === undefined ? delta : text.startsWith(before) ? text.slice(before.length) : text;
    this.#turn[role] = final ? "" : after;
    return final ? { type: "transcript-end", role, text: after, raw } : { type: "transcript-delta", role, delta: added, text: after, raw };
  }
}
