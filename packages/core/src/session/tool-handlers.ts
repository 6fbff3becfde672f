import type { Listener } from "./types.js";

/** What a tool handler gets besides its arguments. */
export interface ToolCallContext {
  /** The vendor's id for this call. */
  readonly callId: string;
  /** The tool's name. */
  readonly name: string;
  /** Aborted when the vendor cancels the call (the user interrupted) or the session ends. */
  readonly signal: AbortSignal;
}

/** Answers one tool: its return value (or resolved value) is the result; a throw becomes an error result. */
export type ToolHandler = (args: unknown, context: ToolCallContext) => unknown;

/** Tool handlers by tool name. */
export type ToolHandlers = Readonly<Record<string, ToolHandler>>;

/** What the dispatcher needs from its session. */
export interface ToolSessionPort {
  on<T extends "tool-call" | "tool-call-cancelled" | "session-ended">(type: T, listener: Listener<T>): () => void;
  sendToolResult(callId: string, output: unknown, options?: { isError?: boolean }): void;
}

/**
 * `session.handleTools(handlers)`: answers tool calls by name. A handler's result goes back as the
 * call's result, a thrown error as an error result carrying its message; a call the vendor
 * cancels, or one still running when the session ends, has its signal aborted and sends nothing.
 * Calls to tools not in `handlers` are left to the application. Returns the unsubscribe, which
 * also aborts the calls still running.
 */
export function dispatchTools(session: ToolSessionPort, handlers: ToolHandlers): () => void {
  const running = new Map<string, AbortController>();
  const abortAll = (why: string) => {
    for (const controller of running.values()) controller.abort(new Error(why));
    running.clear();
  };
  const offCall = session.on("tool-call", (event) => {
    const handler = Object.hasOwn(handlers, event.name) ? handlers[event.name] : undefined;
    if (typeof handler !== "function") return;
    running.get(event.callId)?.abort(new Error("the vendor sent the same call id again"));
    const controller = new AbortController();
    running.set(event.callId, controller);
    const context: ToolCallContext = { callId: event.callId, name: event.name, signal: controller.signal };
    const finish = (output: unknown, isError: boolean) => {
      if (controller.signal.aborted || running.get(event.callId) !== controller) return;
      running.delete(event.callId);
      session.sendToolResult(event.callId, output, isError ? { isError: true } : {});
    };
    // A handler that throws synchronously is an error result like one that rejects.
    new Promise<unknown>((resolve) => resolve(handler(event.arguments, context))).then(
      (output) => finish(output, false),
      (error: unknown) => finish({ error: error instanceof Error ? error.message : String(error) }, true),
    );
  });
  const offCancel = session.on("tool-call-cancelled", (event) => {
    for (const callId of event.callIds) {
      running.get(callId)?.abort(new Error("the vendor cancelled the call"));
      running.delete(callId);
    }
  });
  const offEnd = session.on("session-ended", () => abortAll("the session ended"));
  return () => {
    offCall();
    offCancel();
    offEnd();
    abortAll("handleTools was unsubscribed");
  };
}
