export interface QuotePeerOptions {
  /** Characters kept after trimming. Default 200. */
  max?: number;
  /** Put before the text. Default ` (peer said: `. */
  lead?: string;
  /** Put after the text. Default `)`. */
  end?: string;
}

/**
 * A peer's text (a close reason, an upgrade body, a vendor `error` message) as it is quoted in
 * an error message: trimmed, cut to `max` characters, between `lead` and `end`; "" when nothing
 * is left, so a silent peer adds nothing to the sentence.
 *
 * It only cuts, it never redacts: the caller redacts first (`redactThenCut` does both, in that
 * order, where the secrets are at hand). Cutting first could split a secret so that redaction no
 * longer recognizes it, and the half that is left would leak.
 */
export function quotePeer(text: string, options: QuotePeerOptions = {}): string {
  const { max = 200, lead = " (peer said: ", end = ")" } = options;
  const short = text.trim().slice(0, max);
  return short ? `${lead}${short}${end}` : "";
}
