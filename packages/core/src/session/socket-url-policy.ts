import { ProtocolError } from "../errors/error-classes.js";
import type { SecretSet } from "../secrets/redact.js";
import { sameSite } from "./registrable-domain.js";

export interface SocketUrlPolicy {
  /** Accept a `ws:` socket URL from an `https:` bootstrap (a loopback simulator served over TLS). */
  allowInsecureSocket?: boolean;
  /** Socket hosts accepted besides the bootstrap's registrable domain: `host`, or `*.domain` for any subdomain. */
  allowedSocketHosts?: readonly string[];
}

/**
 * Checks the socket URL a bootstrap answered before any credential is sent to it. The bootstrap
 * is the party we chose; the socket URL is data it returned, so a compromised or hostile
 * bootstrap (or anything between a page and the application's route) could point the token at
 * a cleartext `ws:` socket or at another host. Refused:
 *
 * - a `ws:` URL from an `https:` bootstrap (`insecure_socket_url`), unless `allowInsecureSocket`,
 *   or both hosts are loopback;
 * - a host whose registrable domain differs from the bootstrap's (`socket_host_not_allowed`),
 *   unless both are loopback or `allowedSocketHosts` lists it (registrable-domain.ts: an IP
 *   address, or a host on a shared hosting domain such as `herokuapp.com`, must match exactly).
 *   So `api.vendor.ai` may answer `wss://agent.vendor.ai`, never `wss://evil.example`, and
 *   `me.herokuapp.com` never `wss://someone-else.herokuapp.com`.
 *
 * Messages name the scheme and host only, never the path or query (where tokens ride).
 */
export function checkSocketUrl(bootstrapUrl: string, socketUrl: string, policy: SocketUrlPolicy, secrets: SecretSet, dialect: string): void {
  let to: URL;
  try {
    to = new URL(socketUrl);
  } catch {
    throw refuse("the bootstrap answered a socket URL that cannot be parsed", "invalid_socket_url", dialect);
  }
  if (to.protocol !== "ws:" && to.protocol !== "wss:") {
    throw refuse(`the bootstrap answered a socket URL with scheme ${to.protocol}; only ws: and wss: are dialed`, "invalid_socket_url", dialect);
  }
  // A page's `/api/token` resolves against its own location; with no location (an injected
  // fetch outside a page) there is no bootstrap origin to compare with.
  const from = parseUrl(bootstrapUrl, (globalThis as { location?: { href?: string } }).location?.href);
  if (!from) return;
  const fromHost = hostOf(from);
  const toHost = hostOf(to);
  const bothLoopback = isLoopback(fromHost) && isLoopback(toHost);
  const where = secrets.redact(`${to.protocol}//${to.host}`);
  if (from.protocol === "https:" && to.protocol === "ws:" && !policy.allowInsecureSocket && !bothLoopback) {
    throw refuse(
      `the https bootstrap answered a cleartext socket URL (${where}); the credential would travel unencrypted. Only wss: is accepted (allowInsecureSocket to override)`,
      "insecure_socket_url",
      dialect,
    );
  }
  if (bothLoopback || sameSite(fromHost, toHost) || listed(toHost, policy.allowedSocketHosts)) return;
  throw refuse(
    `the bootstrap on ${secrets.redact(fromHost)} answered a socket on another host (${where}); list it in allowedSocketHosts if that is intended`,
    "socket_host_not_allowed",
    dialect,
  );
}

function parseUrl(url: string, base: string | undefined): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

function refuse(message: string, vendorCode: string, dialect: string) {
  return new ProtocolError(message, { dialect, fatal: true, retryable: false, vendorCode });
}

/** The hostname, lower case, IPv6 without its brackets. */
function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function listed(host: string, allowed: readonly string[] | undefined): boolean {
  for (const entry of allowed ?? []) {
    const pattern = entry.toLowerCase().replace(/^\[(.*)\]$/, "$1");
    if (pattern === host) return true;
    if (pattern.startsWith("*.") && host.endsWith(pattern.slice(1))) return true;
  }
  return false;
}
