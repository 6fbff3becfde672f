import type { InboundEvent } from "@voxwire/core";
import type { PlaybackStats } from "./playback-stats.js";
import type { Level } from "./worklets/level.js";

export type ConversationState = "starting" | "live" | "stopping" | "stopped";

/** Microphone and speaker levels (full scale 1), about every `reportIntervalMs`. */
export interface LevelEvent {
  type: "level";
  /** What was sent since the previous level event. */
  input: Level;
  /** What was played since the previous level event. */
  output: Level;
}

/** The playback worklet's report: position, queue, underruns, overruns (every `reportIntervalMs`). */
export interface PlaybackEvent extends PlaybackStats {
  type: "playback";
}

/**
 * The agent was interrupted (the session's `playback-clear`) and the ring is already empty:
 * `heardMs` of the interrupted utterance reached the speakers, `droppedMs` never will.
 */
export interface BargeInEvent {
  type: "barge-in";
  heardMs: number;
  droppedMs: number;
  stats: PlaybackStats;
}

/** The conversation went `live`, is `stopping`, or has `stopped` (it starts in `starting`). */
export interface ConversationStateEvent {
  type: "conversation-state";
  state: ConversationState;
}

/** Every session event, plus the conversation's own. */
export type ConversationEvent = InboundEvent | LevelEvent | PlaybackEvent | BargeInEvent | ConversationStateEvent;
export type ConversationEventType = ConversationEvent["type"];
export type ConversationEventOf<T extends ConversationEventType> = Extract<ConversationEvent, { type: T }>;
