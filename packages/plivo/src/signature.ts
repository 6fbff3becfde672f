import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * Plivo's V3 request signature (Plivo, "Signature validation":
 * https://www.plivo.com/docs/voice/concepts/signature-validation): base64 of HMAC-SHA256, keyed
 * with the auth token, over the request URL rebuilt in a canonical form, a `.`, and the nonce
 * from `X-Plivo-Signature-V3-Nonce`. The canonical URL is scheme, host, port and path; then for
 * a GET `?` and the query parameters sorted (`k=v` joined by `&`); for a POST `?`, the sorted
 * query (and a `.` when there is one), then the sorted form parameters as `k=v` with no separator.
 * `X-Plivo-Signature-V3` may list several signatures (rotated tokens), comma-separated.
 */

type Params = Readonly<Record<string, string | readonly string[]>> | URLSearchParams;

function pairs(params: Params): [string, string][] {
  const out: [string, string][] = [];
  if (params instanceof URLSearchParams) for (const [k, v] of params) out.push([k, v]);
  else for (const [k, v] of Object.entries(params)) for (const value of typeof v === "string" ? [v] : v) out.push([k, value]);
  return out.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
}

/** The string Plivo signs, before `.nonce`. */
export function plivoSignedUrl(method: "GET" | "POST", url: string, form: Params = {}): string {
  const parsed = new URL(url);
  const base = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  const query = pairs(parsed.searchParams)
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  if (method === "GET") return query ? `${base}?${query}` : base;
  const body = pairs(form)
    .map(([k, v]) => `${k}=${v}`)
    .join("");
  let out = base;
  if (query || body) out += `?${query}`;
  if (query && body) out += ".";
  return out + body;
}

export function plivoSignature(authToken: string, method: "GET" | "POST", url: string, nonce: string, form: Params = {}): string {
  return createHmac("sha256", authToken)
    .update(`${plivoSignedUrl(method, url, form)}.${nonce}`, "utf8")
    .digest("base64");
}

/** True when one of the signatures in the header is Plivo's for this request. Constant-time compare; never throws. */
export function validatePlivoSignature(
  authToken: string,
  signatures: string | undefined,
  nonce: string | undefined,
  method: string,
  url: string,
  form: Params = {},
): boolean {
  if (!authToken || typeof signatures !== "string" || typeof nonce !== "string" || nonce.length === 0) return false;
  if (method !== "GET" && method !== "POST") return false;
  let expected: Buffer;
  try {
    expected = Buffer.from(plivoSignature(authToken, method, url, nonce, form));
  } catch {
    return false;
  }
  return signatures.split(",").some((given) => {
    const g = Buffer.from(given.trim());
    return g.length === expected.length && timingSafeEqual(g, expected);
  });
}
