import { createHmac, timingSafeEqual } from "node:crypto";

/** POST parameters as Twilio sent them (a form body); repeated keys keep every value. */
export type TwilioParams = Readonly<Record<string, string | readonly string[]>> | URLSearchParams;

/**
 * Twilio's request signature (`X-Twilio-Signature`): base64 of HMAC-SHA1, keyed with the auth
 * token, over the full URL Twilio requested followed by every POST parameter's name and value,
 * names sorted (a repeated name: its values sorted too), with no separators.
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams = {}): string {
  const pairs: [string, string][] = [];
  if (params instanceof URLSearchParams) for (const [key, value] of params) pairs.push([key, value]);
  else for (const [key, value] of Object.entries(params)) for (const v of typeof value === "string" ? [value] : value) pairs.push([key, v]);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  let data = url;
  for (const [key, value] of pairs) data += key + value;
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/**
 * True when `signature` is Twilio's for this request. Compared in constant time. Twilio may have
 * signed the URL with or without its default port (443/80), so both spellings are tried, as
 * Twilio's own helper libraries do. The token never appears in any error.
 */
export function validateTwilioSignature(authToken: string, signature: string | undefined, url: string, params: TwilioParams = {}): boolean {
  if (typeof authToken !== "string" || authToken.length === 0) return false;
  if (typeof signature !== "string" || signature.length === 0) return false;
  const given = Buffer.from(signature);
  for (const candidate of urlSpellings(url)) {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return true;
  }
  return false;
}

/** The URL as given, and with its default port added or removed. */
function urlSpellings(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const defaultPort = parsed.protocol === "https:" || parsed.protocol === "wss:" ? "443" : "80";
  const hostStart = url.indexOf("//") + 2;
  const pathStart = url.indexOf("/", hostStart);
  const authority = url.slice(hostStart, pathStart < 0 ? undefined : pathStart);
  const rest = pathStart < 0 ? "" : url.slice(pathStart);
  const head = url.slice(0, hostStart);
  const withPort = authority.endsWith(`:${defaultPort}`) ? authority : /:\d+$/.test(authority) ? undefined : `${authority}:${defaultPort}`;
  const withoutPort = authority.endsWith(`:${defaultPort}`) ? authority.slice(0, -defaultPort.length - 1) : undefined;
  const spellings = [url];
  if (withPort && withPort !== authority) spellings.push(head + withPort + rest);
  if (withoutPort) spellings.push(head + withoutPort + rest);
  return spellings;
}
