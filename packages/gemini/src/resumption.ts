import { isRecord } from "@voxwire/core";

/*
 * What one Gemini connection hands the next (the codec's `resumeState()`, back as `env.resume`):
 * the latest resumption handle the service called resumable (`sessionResumptionUpdate.newHandle`
 * with `resumable: true`; the session-management guide, https://ai.google.dev/gemini-api/docs/live-session,
 * says a handle stays valid for two hours), and the tool calls still unanswered, because
 * `toolResponse` must repeat each call's `name` and the new connection's codec never saw the call.
 */
export interface GeminiResumeState {
  readonly handle: string;
  /** Unanswered calls: id → function name. */
  readonly calls: Readonly<Record<string, string>>;
}

/** `env.resume` read defensively: the runtime hands back what `resumeState()` gave, but it is `unknown`. */
export function readResumeState(value: unknown): GeminiResumeState | undefined {
  if (!isRecord(value) || typeof value.handle !== "string" || value.handle.length === 0) return undefined;
  const calls: Record<string, string> = {};
  if (isRecord(value.calls)) for (const [id, name] of Object.entries(value.calls)) if (typeof name === "string") calls[id] = name;
  return { handle: value.handle, calls };
}
