import { type AgentConfig, isRecord, ProtocolError, type WireFrame } from "@voxwire/core";
import { type DeepgramSettingsOverrides, merge, type SettingsJson, speakObject, thinkObject } from "./settings.js";
import { DeepgramClientMessage, DIALECT_NAME } from "./wire.js";

/*
 * A mid-session `session-update` in Deepgram's messages ("Update Prompt", "Update Think",
 * "Update Speak" in the Voice Agent docs; AgentV1UpdatePrompt, AgentV1UpdateThink,
 * AgentV1UpdateSpeak): new instructions alone are `UpdatePrompt`; new tools are `UpdateThink`,
 * which replaces the whole think block, so it carries the escape hatch's think settings with the
 * instructions so far and the new functions; a voice is `UpdateSpeak` with that Deepgram model.
 */

/** The frames for `next`, given the configuration so far; a change Deepgram cannot make mid-session is a `ProtocolError` and nothing is sent. */
export function updateFrames(current: AgentConfig, next: AgentConfig, overrides: DeepgramSettingsOverrides | undefined): WireFrame[] {
  if (next.language !== undefined && next.language !== current.language) {
    throw new ProtocolError("the language cannot change mid-session on this dialect (UpdateListen needs the listen provider); nothing was sent", {
      dialect: DIALECT_NAME,
    });
  }
  if (next.turnDetection === "none") {
    throw new ProtocolError('turnDetection "none" cannot be honoured: Deepgram always detects turns; nothing was sent', { dialect: DIALECT_NAME });
  }
  const frames: WireFrame[] = [];
  if (next.tools !== undefined) {
    const mapped = thinkObject(next.instructions ?? current.instructions, next.tools) ?? {};
    frames.push(JSON.stringify({ type: DeepgramClientMessage.updateThink, think: withBase(overrides?.agent?.think, mapped) }));
  } else if (next.instructions !== undefined) {
    frames.push(JSON.stringify({ type: DeepgramClientMessage.updatePrompt, prompt: next.instructions }));
  }
  if (next.voice !== undefined) frames.push(JSON.stringify({ type: DeepgramClientMessage.updateSpeak, speak: speakObject(next.voice) }));
  return frames;
}

/** The mapped think over the escape hatch's (each entry of a fallback list): the update's own fields win. */
function withBase(base: unknown, mapped: SettingsJson): unknown {
  if (Array.isArray(base)) return base.map((entry) => (isRecord(entry) ? merge(entry, mapped) : entry));
  return isRecord(base) ? merge(base, mapped) : mapped;
}
