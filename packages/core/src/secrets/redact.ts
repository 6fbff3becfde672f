import { fragmentsOf, redactFragments } from "./secret-fragments.js";

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
 * Removes secrets from text: every listed value (longest first) in every form it may take in
 * text a peer or a library wrote (raw; URL-, JSON- or HTML-escaped, in any mix; base64 and
 * base64url, standalone or inside a longer encoded blob; and any long piece of it, raw, where it
 * was split or cut before it reached us), then anything shaped like a credential
 * (query tokens, auth headers, subprotocol keys, URL passwords). Applied to every error message
 * and log line the runtime produces. Redact before cutting text: a cut secret no longer matches.
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  return redactWith(text, matchersFor(secrets));
}

/**
 * Redacts, then cuts to `maxChars` (in that order: half a secret would no longer match), marking
 * the cut with `…`. A marker the cut would split is kept whole (up to 9 characters more).
 */
export function redactThenCut(text: string, maxChars: number, redactText: (text: string) => string): string {
  const safe = redactText(text);
  if (safe.length <= maxChars) return safe;
  let end = maxChars;
  const marker = safe.lastIndexOf(REDACTED, maxChars - 1);
  if (marker >= 0 && marker + REDACTED.length > maxChars) end = marker + REDACTED.length;
  return `${safe.slice(0, end)}…`;
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
  #matchers: SecretMatcher[] | undefined;

  add(...values: readonly (string | undefined)[]): this {
    for (const value of values) {
      if (!value || value.length < MIN_SECRET_LENGTH) continue;
      this.#values.add(value);
      // The same secret may appear URL-encoded (a token in a query string).
      const encoded = encodeURIComponent(value);
      if (encoded !== value) this.#values.add(encoded);
      this.#matchers = undefined;
    }
    return this;
  }

  redact(text: string): string {
    this.#matchers ??= matchersFor(this.#values);
    return redactWith(text, this.#matchers);
  }

  get size(): number {
    return this.#values.size;
  }

  toJSON(): { secrets: number } {
    return { secrets: this.#values.size };
  }
}

interface SecretMatcher {
  /** The value in its raw and escaped forms (global, for replace). */
  readonly pattern: RegExp;
  /** Its base64 forms, longest first. */
  readonly encoded: readonly string[];
  /** The value itself, and its runs of characters a piece of it in text is recognised by. */
  readonly value: string;
  readonly fragments: ReadonlySet<string>;
}

function matchersFor(secrets: Iterable<string>): SecretMatcher[] {
  const values = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  return values.map((value) => ({
    pattern: new RegExp(escapedForms(value), "g"),
    encoded: base64Forms(value),
    value,
    fragments: fragmentsOf(value),
  }));
}

function contains(text: string, matcher: SecretMatcher): boolean {
  matcher.pattern.lastIndex = 0;
  const found = matcher.pattern.test(text);
  matcher.pattern.lastIndex = 0;
  return found || matcher.encoded.some((form) => text.includes(form));
}

function redactWith(text: string, matchers: readonly SecretMatcher[]): string {
  let out = text;
  // A replacement can, in contrived cases, splice a secret back together from its neighbours and
  // the marker; repeat until none is left, and give up on the text entirely rather than leak.
  for (let pass = 0; pass < 8; pass++) {
    for (const matcher of matchers) {
      out = out.replace(matcher.pattern, REDACTED);
      for (const form of matcher.encoded) if (out.includes(form)) out = out.split(form).join(REDACTED);
      out = redactFragments(out, matcher.value, matcher.fragments, REDACTED);
    }
    if (!matchers.some((m) => contains(out, m))) break;
    if (pass === 7) return REDACTED;
  }
  return out
    .replace(SECRET_QUERY_KEYS, `$1${REDACTED}`)
    .replace(AUTH_SCHEMES, `$1 ${REDACTED}`)
    .replace(SUBPROTOCOL_CREDENTIALS, `$1.${REDACTED}`)
    .replace(URL_USERINFO, `$1${REDACTED}@`);
}

const HTML_NAMED: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const JSON_SHORT: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  "/": "\\/",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};
const utf8 = new TextEncoder();

/** A hex number in a pattern that matches either case: `2f` → `2[fF]`. */
function anyCaseHex(value: number, width = 0): string {
  return value
    .toString(16)
    .padStart(width, "0")
    .replace(/[a-f]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * A regular expression source matching `value` with each character written any way the common
 * escapers write it: itself; `%XX` in either case (`+` for a space); `\uXXXX` (surrogate pairs
 * for astral characters) or a short JSON escape (`\/`, `\"`, …); `&#NN;`, `&#xHH;` or a named
 * HTML entity. Mixed forms match too: each character is matched on its own.
 */
function escapedForms(value: string): string {
  let source = "";
  for (const char of value) {
    const point = char.codePointAt(0)!;
    const units = char.length === 2 ? [char.charCodeAt(0), char.charCodeAt(1)] : [point];
    const forms = [
      escapeRegExp(char),
      [...utf8.encode(char)].map((byte) => `%${anyCaseHex(byte, 2)}`).join(""),
      units.map((unit) => `\\\\u${anyCaseHex(unit, 4)}`).join(""),
      `&#0*${point};`,
      `&#[xX]0*${anyCaseHex(point)};`,
    ];
    if (char === " ") forms.push("\\+");
    const short = JSON_SHORT[char];
    if (short) forms.push(escapeRegExp(short));
    const named = HTML_NAMED[char];
    if (named) forms.push(named);
    source += `(?:${forms.join("|")})`;
  }
  return source;
}

/** Shorter base64 runs than this are not redacted on their own: they would blank ordinary words. */
const MIN_BASE64_CORE = 8;

/**
 * The base64 and base64url forms of a value: standalone (with and without padding), and the runs
 * any longer encoded blob holding the value contains whatever the value's offset in it (a Basic
 * auth `user:secret`, a JWT payload): for each of the three alignments, the value's bytes from
 * its first aligned byte, in whole 3-byte groups. The partial groups at either edge leave at most
 * two characters, a few bits of the value, unredacted.
 */
function base64Forms(value: string): string[] {
  const bytes = utf8.encode(value);
  const forms = new Set<string>();
  const add = (encoded: string) => {
    const url = encoded.replace(/\+/g, "-").replace(/\//g, "_");
    for (const form of [encoded, encoded.replace(/=+$/, ""), url, url.replace(/=+$/, "")]) forms.add(form);
  };
  add(base64(bytes));
  for (let skip = 0; skip < 3; skip++) {
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if ((whole / 3) * 4 < MIN_BASE64_CORE) continue;
    add(base64(bytes.subarray(skip, skip + whole)));
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
