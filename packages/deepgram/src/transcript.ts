import type { InboundEvent, TranscriptRole, WireFrame } from "@voxwire/core";
import { type DeepgramMessage, DeepgramRole } from "./wire.js";

/*
 * `ConversationText { role, content }` (AgentV1ConversationText) is one whole statement, user's or
 * agent's: Deepgram sends no partial text, so each is a `transcript-end` and there are no deltas.
 * Roles other than the two documented ones pass through.
 */

/** The normalized role of a `ConversationText.role`, or undefined for one the reference does not name. */
export function roleOf(role: unknown): TranscriptRole | undefined {
  if (role === DeepgramRole.user) return "user";
  if (role === DeepgramRole.assistant) return "agent";
  return undefined;
}

/** The wire role of a normalized one. */
export function wireRole(role: TranscriptRole): string {
  return role === "user" ? DeepgramRole.user : DeepgramRole.assistant;
}

/** The `transcript-end` a `ConversationText` is, or undefined when its role or content is not what the reference says. */
export function readConversationText(message: DeepgramMessage, raw: WireFrame): InboundEvent | undefined {
  const role = roleOf(message.role);
  if (role === undefined || typeof message.content !== "string") return undefined;
  return { type: "transcript-end", role, text: message.content, raw };
}
