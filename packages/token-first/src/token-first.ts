import {
  ConfigError,
  type DialectCapabilities,
  type DialectEnv,
  type DialectV2,
  defineDialect,
  isBrowserLike,
  NO_CAPABILITIES,
  type Preparation,
  refuseSecretKeyInBrowser,
} from "@voxwire/core";
import { bootstrapRequest, planFromAnswer, readBootstrapAnswer, routeBootstrapRequest } from "./bootstrap.js";
import { createTokenFirstCodec } from "./client-codec.js";
import { createTokenFirstPeerCodec } from "./peer-codec.js";
import { validateApiKey } from "./validate.js";
import { DIALECT_NAME } from "./wire.js";

export interface TokenFirstOptions {
  /** The vendor API's base URL (`https://your-api-url.com`); the token endpoint is `{apiUrl}/api/v1/sdk/token`. With `apiKey`. */
  apiUrl?: string;
  /** The API key, sent as `Authorization: Bearer <key>` to the token endpoint. Server-side only. */
  apiKey?: string;
  /**
   * For browsers, instead of `apiUrl` + `apiKey`: the application's own backend route that performs
   * the bootstrap and answers `{ token, ws_url }` (see `createTokenRoute`). An absolute http(s) URL,
   * or a path starting with `/` resolved by the page.
   */
  tokenUrl?: string;
  /** Extra headers for the `tokenUrl` request (a CSRF header, the application's own session token). */
  tokenHeaders?: Record<string, string>;
  /**
   * Lets `apiKey` be used in a page or worker, where every visitor can read it (a local demo).
   * Without it, `connect()` refuses with a `ConfigError` that explains the backend-route pattern.
   */
  dangerouslyAllowApiKeyInBrowser?: boolean;
}

export const TOKEN_FIRST_CAPABILITIES: DialectCapabilities = {
  ...NO_CAPABILITIES,
  agentState: true,
  firstMessageAuth: true,
  bootstrap: true,
};

const BROWSER_ADVICE =
  "Keep the key on your server: serve createTokenRoute({ apiUrl, apiKey }) from @voxwire/token-first as a backend route " +
  "and give the page tokenFirst({ tokenUrl: '/your/route' }); it gets a single-use token and never sees the key. " +
  "For a throwaway local demo only, pass dangerouslyAllowApiKeyInBrowser: true.";

/**
 * The token-first-message dialect (token-first guide, docs/sources.md):
 * `POST {apiUrl}/api/v1/sdk/token` with the key as a Bearer header returns `{ token, ws_url }`; the socket's first frame is `{"token": …}` and nothing
 * else goes out until `connected`; PCM16 16 kHz in 640-byte frames both ways. Options that can
 * never work throw a `ConfigError` here, before any I/O; no message holds a credential.
 */
export function tokenFirst(options: TokenFirstOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("tokenFirst() needs an options object", { dialect: DIALECT_NAME });
  const { apiKey, apiUrl, tokenUrl } = options;
  if (apiKey !== undefined && tokenUrl !== undefined) {
    throw new ConfigError("give either apiKey (with apiUrl, on a server) or tokenUrl (your backend route, in a browser), not both", {
      dialect: DIALECT_NAME,
    });
  }
  if (apiKey === undefined && tokenUrl === undefined) {
    throw new ConfigError("an apiKey (with apiUrl, on a server) or a tokenUrl (your backend route, in a browser) is required", {
      dialect: DIALECT_NAME,
    });
  }
  const key = apiKey === undefined ? undefined : validateApiKey(apiKey);
  const keyInBrowserAllowed = options.dangerouslyAllowApiKeyInBrowser === true;
  const { request, relative } =
    tokenUrl !== undefined ? routeBootstrapRequest(tokenUrl, options.tokenHeaders) : { request: bootstrapRequest(apiUrl, key), relative: false };

  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: TOKEN_FIRST_CAPABILITIES,
    prepare(env: DialectEnv): Preparation {
      // Every key of this vendor is a permanent secret (no publishable prefix), so any key is refused.
      if (!keyInBrowserAllowed) {
        refuseSecretKeyInBrowser(env, key, { dialect: DIALECT_NAME, secretPrefixes: [], allKeysSecret: true, advice: BROWSER_ADVICE });
      }
      if (relative && !isBrowserLike(env.runtime)) {
        throw new ConfigError("a tokenUrl that is a path (/…) only works in a page, which resolves it against its origin: give an absolute URL", {
          dialect: DIALECT_NAME,
        });
      }
      return {
        kind: "bootstrap",
        request,
        parse: (response) => planFromAnswer(readBootstrapAnswer(response.body), key),
      };
    },
    createCodec: createTokenFirstCodec,
    createPeerCodec: createTokenFirstPeerCodec,
  });
}
