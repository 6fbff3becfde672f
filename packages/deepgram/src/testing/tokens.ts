import { randomBytes } from "node:crypto";

/** The tokens a simulator granted: token → expiry (epoch ms), with the clock that judges them. */
export interface TokenStore {
  readonly issued: Map<string, number>;
  readonly now: () => number;
}

/**
 * A fresh token shaped like a JWT (three base64url parts, as Deepgram's grant answers), valid for
 * `ttlMs`. Tokens long past their expiry are forgotten, so a long-running simulator does not grow.
 */
export function issueToken(store: TokenStore, ttlMs: number): string {
  const at = store.now();
  for (const [token, expiresAt] of store.issued) if (expiresAt + 60_000 < at) store.issued.delete(token);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const token = `${part({ alg: "HS256", typ: "JWT" })}.${part({ iss: "voxwire-simulator", exp: Math.ceil((at + ttlMs) / 1000) })}.${randomBytes(24).toString("base64url")}`;
  store.issued.set(token, at + ttlMs);
  return token;
}
