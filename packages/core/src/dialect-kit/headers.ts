/** RFC 7230 `token` characters: what a header name, or a subprotocol value, may hold. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Visible ASCII without spaces: a credential a header carries as it is (`X-API-Key`, `Bearer <key>`). */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * True when `value` is an RFC 7230 token: a valid header name or subprotocol. A key with `/`,
 * `=` or a space (base64) is not one, and `ws` and browsers refuse to send it.
 */
export function isHttpToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN.test(value);
}

/**
 * True when `value` can go in a header as a credential: visible ASCII, no spaces, 1 to
 * `maxLength` characters. Anything else would make fetch throw (echoing the value in its
 * TypeError) or inject a header.
 */
export function isHeaderValueSafe(value: unknown, maxLength = Number.POSITIVE_INFINITY): value is string {
  return typeof value === "string" && value.length <= maxLength && VISIBLE_ASCII.test(value);
}
