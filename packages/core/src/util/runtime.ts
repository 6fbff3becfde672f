import type { RuntimeKind } from "../dialect/current.js";

/** Detects the JavaScript runtime from its globals. Used by the session, never inside a dialect. */
export function detectRuntime(): RuntimeKind {
  const g = globalThis as Record<string, unknown>;
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
