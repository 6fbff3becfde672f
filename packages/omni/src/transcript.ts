import { str, type TranscriptFields } from "@voxwire/core";

/*
 * Omni's transcript payload is not published, so this reads what it can and keys only on:
 *   - the type: a message is a transcript when its `type` contains "transcript" or "partial"
 *     (any case);
 *   - partial or final: an explicit boolean `final` / `is_final` / `isFinal` wins; otherwise a type
 *     containing "partial", "delta" or "interim" is partial, anything else final;
 *   - the text: the first string among `text`, `transcript`, `content`, and/or a string `delta`;
 *   - the role: `role` / `speaker` / `source` / `from` naming user|human|caller|customer (user) or
 *     agent|assistant|bot|ai|model (agent); else "user" in the type means user; else agent.
 * A transcript message without text maps to nothing (the caller still passes it through whole).
 * Core's TranscriptAccumulator keeps each role's turn, since a partial may carry only a `delta`
 * (text = so far + delta) or only the whole `text` (delta = what is new).
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

function isPartial(type: string, message: Readonly<Record<string, unknown>>): boolean {
  for (const field of FINAL_FIELDS) {
    const value = message[field];
    if (typeof value === "boolean") return !value;
  }
  return /partial|delta|interim/i.test(type);
}

function roleOf(type: string, message: Readonly<Record<string, unknown>>): "user" | "agent" {
  const named = str(message, ...ROLE_FIELDS)?.toLowerCase();
  if (named && USER_ROLES.has(named)) return "user";
  if (named && AGENT_ROLES.has(named)) return "agent";
  return /user/i.test(type) ? "user" : "agent";
}

/** One transcript-typed message's fields, or none when it carries no text. */
export function readTranscriptFields(type: string, message: Readonly<Record<string, unknown>>): TranscriptFields | undefined {
  const text = str(message, ...TEXT_FIELDS);
  const delta = typeof message.delta === "string" ? message.delta : undefined;
  if (text === undefined && delta === undefined) return undefined;
  return { role: roleOf(type, message), text, delta, final: !isPartial(type, message) };
}
