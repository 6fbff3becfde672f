import type { RuntimeKind } from "../dialect/current.js";

/** The `navigator.userAgent` of Cloudflare Workers (and workerd, Miniflare), with or without `nodejs_compat`. */
export const CLOUDFLARE_WORKERS_USER_AGENT = "Cloudflare-Workers";

/**
 * True inside Cloudflare Workers (workerd). Their documented marker, `navigator.userAgent`
 * ("Web standards", https://developers.cloudflare.com/workers/runtime-apis/web-standards/), or,
 * for a compatibility date before the global `navigator` (2022-03-21), their own `WebSocketPair`.
 * Checked before anything else: with `nodejs_compat` a Worker also has `process.versions.node`,
 * and without it a `WorkerGlobalScope`, so neither tells it apart from Node or a browser's worker.
 */
export function isCloudflareWorkers(): boolean {
  const g = globalThis as { navigator?: { userAgent?: unknown }; WebSocketPair?: unknown };
  return g.navigator?.userAgent === CLOUDFLARE_WORKERS_USER_AGENT || typeof g.WebSocketPair === "function";
}

/**
 * Detects the JavaScript runtime from its globals. Used by the session, never inside a dialect.
 * A Cloudflare Worker is a server (it may hold a secret key, and dials out through `fetch`), so it
 * is neither "node" nor a browser's "worker": RuntimeKind has no name of its own for it yet, and it
 * reports "unknown"; `isCloudflareWorkers()` tells it apart.
 */
export function detectRuntime(): RuntimeKind {
  const g = globalThis as Record<string, unknown>;
  if (isCloudflareWorkers()) return "unknown";
  if (typeof g.Deno === "object") return "deno";
  if (typeof g.Bun === "object") return "bun";
  const proc = g.process as { versions?: { node?: string } } | undefined;
  if (proc?.versions?.node) return "node";
  if (typeof g.window === "object" && typeof g.document === "object") return "browser";
  if (typeof g.WorkerGlobalScope === "function" || typeof g.AudioWorkletGlobalScope === "function") return "worker";
  return "unknown";
}

/** True where a page's code (or a worker started by one) runs: where secret keys must not go. */
export function isBrowserLike(runtime: RuntimeKind): boolean {
  return runtime === "browser" || runtime === "worker";
}
