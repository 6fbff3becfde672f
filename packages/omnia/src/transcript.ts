import type { TranscriptFields } from "@voxwire/core";

/*
 * Omnia's `transcript` messages, read for core's TranscriptAccumulator. The rules are the Omnia
 * Voice guide's client's (`_handle_data_message`, docs/sources.md), applied to both roles (the
 * guide's client displays only the agent's; it keeps no user text at all):
 *   1. A non-empty string `text` replaces the turn's text. `text: ""`, `null` or a non-string
 *      counts as absent (the client tests `msg.get("text")` for truthiness).
 *   2. Otherwise `delta` is appended; a missing, `null` or non-string `delta` appends nothing
 *      (the client would raise on `None`; we do not). So `text: ""` with no delta re-states the
 *      text so far, and `text: ""` with a delta appends it: it never clears.
 *   3. The event carries the turn's text after the message: `transcript-delta` while `final` is
 *      not `true`, `transcript-end` when it is. A final with neither field ends the turn with the
 *      text so far (possibly "").
 *   4. After a final the role's text is "": a delta after a final starts a new turn.
 * `delta` on `transcript-delta` is what the message added: its `delta`, or for a replacing `text`
 * the part after the old text when it extends it, else the whole new text (a rewrite: read `text`).
 */

/**
 * Reads a `transcript` message's fields, tolerantly: `medium`, `ordinal` and anything else are
 * ignored here (they stay in the event's `raw`); `final` counts only when it is `true`; `text`
 * only when it is a non-empty string; `delta` only when it is a string and there is no `text`.
 * Undefined when `role` is neither `user` nor `agent`: there is no turn to add the text to.
 */
export function readTranscriptFields(message: Readonly<Record<string, unknown>>): TranscriptFields | undefined {
  const role = message.role;
  if (role !== "user" && role !== "agent") return undefined;
  const text = typeof message.text === "string" && message.text !== "" ? message.text : undefined;
  const delta = typeof message.delta === "string" ? message.delta : "";
  // A replacing text says what it adds itself (rule 1): its delta is not read.
  return { role, text, delta: text === undefined ? delta : undefined, final: message.final === true };
}
