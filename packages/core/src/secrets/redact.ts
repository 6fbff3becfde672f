/** What replaces a secret. */
export const REDACTED = "[redacted]";

/** Values shorter than this are not redacted by value: they would erase ordinary words. */
export const MIN_SECRET_LENGTH = 4;

/** Query parameters whose values are credentials whatever the vendor. */
const SECRET_QUERY_KEYS = /([?&](?:token|key|api_key|apikey|api-key|access_token|auth|secret|signature|sig|password|jwt)=)([^&#\s"']+)/gi;
/** `Bearer x`, `Token x`, `Basic x` in header-like text. */
const AUTH_SCHEMES = /\b(Bearer|Token|Basic)\s+([A-Za-z0-9._~+/=-]{4,})/g;
/** Subprotocol credentials: `pyai-key.x`, `bearer.x`, `openai-insecure-api-key.x`. */
const SUBPROTOCOL_CREDENTIALS = /\b((?:[a-z0-9]+-)*(?:key|bearer|token))\.([A-Za-z0-9._~!$&'*+^`|-]{4,})/gi;
/** `user:password@` in URLs. */
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s:]+:[^/@\s]+@/gi;

/**
 * Removes secrets from text: every listed value (longest first), then anything shaped like a
 * credential (query tokens, auth headers, subprotocol keys, URL passwords). Applied to every
 * error message and log line the runtime produces.
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  const values = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  let out = text;
  // A replacement can, in contrived cases, splice a secret back together from its neighbours and
  // the marker; repeat until none is left, and give up on the text entirely rather than leak.
  for (let pass = 0; pass < 8; pass++) {
    for (const value of values) if (out.includes(value)) out = out.split(value).join(REDACTED);
    if (!values.some((v) => out.includes(v))) break;
    if (pass === 7) return REDACTED;
  }
  return out
    .replace(SECRET_QUERY_KEYS, `$1${REDACTED}`)
    .replace(AUTH_SCHEMES, `$1 ${REDACTED}`)
    .replace(SUBPROTOCOL_CREDENTIALS, `$1.${REDACTED}`)
    .replace(URL_USERINFO, `$1${REDACTED}@`);
}

/** A URL with credentials removed, safe to print. */
export function redactUrl(url: string, secrets: Iterable<string> = []): string {
  return redact(url, secrets);
}

/**
 * The secrets of one session, collected as they become known (options, bootstrap response,
 * connect plan). Never serialized: `toJSON` reports only how many it holds.
 */
export class SecretSet {
  readonly #values = new Set<string>();

  add(...values: readonly (string | undefined)[]): this {
    for (const value of values) {
      if (!value || value.length < MIN_SECRET_LENGTH) continue;
      this.#values.add(value);
      // The same secret may appear URL-encoded (a token in a query string).
      const encoded = encodeURIComponent(value);
      if (encoded !== value) this.#values.add(encoded);
    }
    return this;
  }

  redact(text: string): string {
    return redact(text, this.#values);
  }

  get size(): number {
    return this.#values.size;
  }

  toJSON(): { secrets: number } {
    return { secrets: this.#values.size };
  }
}
