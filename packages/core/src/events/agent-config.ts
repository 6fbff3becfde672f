import * as z from "zod/mini";
import { checked } from "./schema-helpers.js";

/*
 * The normalized session configuration (`connect(dialect, { agent })`, `session.update(agent)`).
 * Small on purpose: what every configurable vendor has. A vendor's other settings go through its
 * factory's own typed option, never through here.
 */

/** A tool the agent may call; the application answers it (`session.handleTools`, `sendToolResult`). */
export const toolSpecSchema = /* @__PURE__ */ z.object({
  /** The name the agent calls it by. */
  name: checked(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.minLength(1)),
  /** What it does, for the model. */
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** Its arguments as a JSON Schema object (`{ type: "object", properties: … }`). */
  parameters: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown())),
});

/** Who decides that the user's turn is over: the vendor's VAD, its semantic detector, or nobody (push to talk). */
export const turnDetectionSchema = /* @__PURE__ */ z.enum(["server", "semantic", "none"]);

export const agentConfigSchema = /* @__PURE__ */ z.object({
  /** The system prompt. */
  instructions: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** The vendor's voice name or id. */
  voice: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** Tools the agent may call. */
  tools: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(toolSpecSchema)),
  /** Turn detection; absent keeps the vendor's default. */
  turnDetection: /* @__PURE__ */ z.optional(turnDetectionSchema),
  /** The conversation's language as a BCP 47 tag (`en`, `de-DE`). */
  language: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});

export type ToolSpec = z.infer<typeof toolSpecSchema>;
export type TurnDetection = z.infer<typeof turnDetectionSchema>;
export type AgentConfig = z.infer<typeof agentConfigSchema>;
