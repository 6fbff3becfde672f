import { REDACTED, SecretSet, urlSecrets } from "@voxwire/core";

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Takes every credential out of what a recording writes: keys, tokens and subprotocol values
 * become [redacted], and a signed URL keeps its shape with only its secret parts redacted
 * (`wss://host/calls/[redacted]/websocket?token=[redacted]`), so the golden file still shows
 * what was dialed and still parses. Core's credential patterns (`Bearer …`, `?token=…`) apply too.
 */
export class WireRedactor {
  readonly #urls: string[];
  readonly #atomic: SecretSet;

  constructor(secrets: Iterable<string | undefined>) {
    const all = [...new Set([...secrets].filter((s): s is string => typeof s === "string" && s.length > 0 && !s.includes(REDACTED)))];
    this.#urls = all.filter((s) => URL_LIKE.test(s)).sort((a, b) => b.length - a.length);
    const parts = this.#urls.flatMap((url) => urlSecrets(url).filter((p) => p !== url));
    const pool = [...all.filter((s) => !URL_LIKE.test(s)), ...parts];
    // A secret that wraps another (`pyai-key.<KEY>`) is left to its inner part, so its shape shows.
    const atomic = pool.filter((s) => !pool.some((inner) => inner.length >= 4 && inner !== s && s.includes(inner)));
    this.#atomic = new SecretSet().add(...atomic);
  }

  /** Any text: signed URLs first (shape kept), then every other secret and credential pattern. */
  text(text: string): string {
    let out = text;
    for (const url of this.#urls) if (out.includes(url)) out = out.split(url).join(this.#atomic.redact(url));
    return this.#atomic.redact(out);
  }
}
