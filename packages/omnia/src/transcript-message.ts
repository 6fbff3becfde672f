import type { TranscriptFields } from "./transcript-accumulator.js";

/**
 * Reads a `transcript` message's fields, tolerantly: `medium`, `ordinal` and anything else are
 * ignored here (they stay in the event's `raw`); `final` counts only when it is `true`; `text`
 * only when it is a non-empty string; `delta` only when it is a string. Undefined when `role` is
 * neither `user` nor `agent`: there is no turn to add the text to.
 */
export function readTranscriptFields(message: Readonly<Record<string, unknown>>): TranscriptFields | undefined {
  const role = message.role;
  if (role !== "user" && role !== "agent") return undefined;
  const text = typeof message.text === "string" && message.text !== "" ? message.text : undefined;
  const delta = typeof message.delta === "string" ? message.delta : "";
  return { role, text, delta, final: message.final === true };
}
