import type { InboundEventOf } from "@voxwire/core";

type Role = InboundEventOf<"transcript-end">["role"];

/**
 * Wire roles to the model's: the document's `assistant` (and `agent`) is the agent, `user` the
 * caller. Other roles are not guessed at: the message passes through whole.
 */
const ROLES: Readonly<Record<string, Role>> = { assistant: "agent", agent: "agent", user: "user" };

/** The model's role for a wire role, or undefined for one it does not know. */
export function roleFromWire(role: unknown): Role | undefined {
  return typeof role === "string" && Object.hasOwn(ROLES, role) ? ROLES[role] : undefined;
}

/** The wire role voxwire's peer codec sends: `assistant` as in the document, `user`. */
export function roleToWire(role: Role): "assistant" | "user" {
  return role === "agent" ? "assistant" : "user";
}

/** A `transcript` message's turn, when both its role and text are usable. */
export function readTranscript(message: Readonly<Record<string, unknown>>): { role: Role; text: string } | undefined {
  const role = roleFromWire(message.role);
  return role !== undefined && typeof message.text === "string" ? { role, text: message.text } : undefined;
}
