export { AudioUnavailableError } from "./audio-unavailable-error.js";
export { type Capture, type CaptureOptions, createCapture } from "./capture.js";
export type {
  BargeInEvent,
  ConversationEvent,
  ConversationEventOf,
  ConversationEventType,
  ConversationState,
  ConversationStateEvent,
  LevelEvent,
  PlaybackEvent,
} from "./conversation-events.js";
export { DEFAULT_MICROPHONE_CONSTRAINTS, openMicrophone } from "./microphone.js";
export { MicrophoneError } from "./microphone-error.js";
export type { PlaybackStats } from "./playback-stats.js";
export { createPlayer, type Player, type PlayerOptions } from "./player.js";
export { type Conversation, type ConversationOptions, startConversation } from "./start-conversation.js";
export { loadWorkletModules, type WorkletModuleUrls } from "./worklet-modules.js";
export { CaptureCore, type CaptureCoreOptions } from "./worklets/capture-core.js";
export { type Level, LevelMeter } from "./worklets/level.js";
export { CAPTURE_PROCESSOR_NAME, PLAYBACK_PROCESSOR_NAME } from "./worklets/messages.js";
export { type PlaybackCounters, PlaybackRing, type PlaybackRingOptions } from "./worklets/playback-ring.js";
export { CAPTURE_WORKLET_SOURCE, PLAYBACK_WORKLET_SOURCE } from "./worklets/worklet-sources.js";
