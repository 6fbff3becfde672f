/**
 * A secret may reach text in pieces: split across two strings a peer sent (`"sk_live_4f…" + "…9a"`),
 * or cut by someone else's truncation before it reached us. Any run of this many characters of a
 * secret is treated as the secret: fewer random characters than this identify nothing; more would
 * let the pieces of a 24-character key through.
 */
export const FRAGMENT_LENGTH = 10;

/** Secrets shorter than this are matched whole only: their fragments would be most of them. */
export const MIN_FRAGMENTED_LENGTH = 16;

/**
 * Every run of FRAGMENT_LENGTH characters of `secret`, for a lookup per position of the text.
 * None for a URL or a phrase (a signed URL is listed whole beside its secret parts): their pieces
 * are ordinary words, hosts and paths.
 */
export function fragmentsOf(secret: string): ReadonlySet<string> {
  const fragments = new Set<string>();
  if (secret.length < MIN_FRAGMENTED_LENGTH || /:\/\/|\s/.test(secret)) return fragments;
  for (let at = 0; at + FRAGMENT_LENGTH <= secret.length; at++) fragments.add(secret.slice(at, at + FRAGMENT_LENGTH));
  return fragments;
}

/**
 * Replaces every piece of `secret` in `text` at least FRAGMENT_LENGTH characters long (each
 * grown as far as it stays a piece of the secret) with `marker`.
 */
export function redactFragments(text: string, secret: string, fragments: ReadonlySet<string>, marker: string): string {
  if (fragments.size === 0 || text.length < FRAGMENT_LENGTH) return text;
  let out = "";
  let copied = 0;
  let at = 0;
  while (at + FRAGMENT_LENGTH <= text.length) {
    if (!fragments.has(text.slice(at, at + FRAGMENT_LENGTH))) {
      at++;
      continue;
    }
    let end = at + FRAGMENT_LENGTH;
    while (end < text.length && secret.includes(text.slice(at, end + 1))) end++;
    out += text.slice(copied, at) + marker;
    copied = end;
    at = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
