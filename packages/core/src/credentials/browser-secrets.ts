import type { DialectEnv } from "../dialect/current.js";
import { ConfigError } from "../errors/error-classes.js";
import { isBrowserLike } from "../util/runtime.js";

export interface SecretKeyRule {
  dialect: string;
  /** Prefixes that mark a permanent secret key (`pyai_live_`, `orb_live_`). */
  secretPrefixes: readonly string[];
  /** Every key is secret (the vendor's keys have no telling prefix); `secretPrefixes` is then unused. */
  allKeysSecret?: boolean;
  /** What to do instead, in one sentence (mint a short-lived token on your server, …). */
  advice: string;
}

/**
 * Refuses a permanent secret key in a page or worker, where anyone can read it. Called from a
 * dialect's `prepare(env)`. The message names the prefix, never the key.
 */
export function refuseSecretKeyInBrowser(env: DialectEnv, key: string | undefined, rule: SecretKeyRule): void {
  if (!key || !isBrowserLike(env.runtime)) return;
  const prefix = rule.allKeysSecret ? "" : rule.secretPrefixes.find((p) => key.startsWith(p));
  if (prefix === undefined) return;
  const what = prefix ? `a permanent secret key (${prefix}…)` : "this vendor's API key, which is a permanent secret,";
  throw new ConfigError(`${what} must never reach a browser, where any visitor can read it. ${rule.advice}`, {
    dialect: rule.dialect,
    vendorCode: "secret_key_in_browser",
  });
}
