import type { InboundEvent, WireFrame } from "@voxwire/core";

/*
 * Omni's transcript payload is not published, so this maps what it can and keys only on:
 *   - the type: a message is a transcript when its `type` contains "transcript" or "partial"
 *     (any case);
 *   - partial or final: an explicit boolean `final` / `is_final` / `isFinal` wins; otherwise a type
 *     containing "partial", "delta" or "interim" is partial, anything else final;
 *   - the text: the first string among `text`, `transcript`, `content`, and/or a string `delta`;
 *   - the role: `role` / `speaker` / `source` / `from` naming user|human|caller|customer (user) or
 *     agent|assistant|bot|ai|model (agent); else "user" in the type means user; else agent.
 * A transcript message without text maps to nothing (the caller still passes it through whole).
 */

const TEXT_FIELDS = ["text", "transcript", "content"] as const;
const FINAL_FIELDS = ["final", "is_final", "isFinal"] as const;
const ROLE_FIELDS = ["role", "speaker", "source", "from"] as const;
const USER_ROLES = new Set(["user", "human", "caller", "customer"]);
const AGENT_ROLES = new Set(["agent", "assistant", "bot", "ai", "model"]);

export function isTranscriptType(type: string): boolean {
  const t = type.toLowerCase();
  return t.includes("transcript") || t.includes("partial");
}

function firstString(message: Readonly<Record<string, unknown>>, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const value = message[field];
    if (typeof value === "string") return value;
  }
  return undefined;
}

function isPartial(type: string, message: Readonly<Record<string, unknown>>): boolean {
  for (const field of FINAL_FIELDS) {
    const value = message[field];
    if (typeof value === "boolean") return !value;
  }
  return /partial|delta|interim/i.test(type);
}

function roleOf(type: string, message: Readonly<Record<string, unknown>>): "user" | "agent" {
  const named = firstString(message, ROLE_FIELDS)?.toLowerCase();
  if (named && USER_ROLES.has(named)) return "user";
  if (named && AGENT_ROLES.has(named)) return "agent";
  return /user/i.test(type) ? "user" : "agent";
}

/**
 * Per-connection transcript state: the text of each role's turn so far, because a partial may
 * carry only a `delta` (text = so far + delta) or only the whole `text` (delta = what is new).
 */
export class TranscriptAccumulator {
  readonly #turn = { user: "", agent: "" };

  /** The transcript event for one transcript-typed message, or none when it carries no text. */
  map(type: string, message: Readonly<Record<string, unknown>>, raw: WireFrame): InboundEvent | undefined {
    const whole = firstString(message, TEXT_FIELDS);
    const delta = typeof message.delta === "string" ? message.delta : undefined;
    if (whole === undefined && delta === undefined) return undefined;
    const role = roleOf(type, message);
    const soFar = this.#turn[role];
    if (isPartial(type, message)) {
      const text = whole ?? soFar + delta;
      const added = delta ?? (text.startsWith(soFar) ? text.slice(soFar.length) : text);
      this.#turn[role] = text;
      return { type: "transcript-delta", role, delta: added, text, raw };
    }
    this.#turn[role] = "";
    return { type: "transcript-end", role, text: whole ?? soFar + delta, raw };
  }
}
