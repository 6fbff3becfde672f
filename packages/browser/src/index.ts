export { type Conversation, type ConversationOptions, startConversation } from "./start-conversation.js";
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
export { type Capture, type CaptureOptions, createCapture } from "./capture.js";
export { type Player, type PlayerOptions, createPlayer } from "./player.js";
export type { PlaybackStats } from "./playback-stats.js";
export { DEFAULT_MICROPHONE_CONSTRAINTS, openMicrophone } from "./microphone.js";
export { type WorkletModuleUrls, loadWorkletModules } from "./worklet-modules.js";
export { CAPTURE_PROCESSOR_NAME, PLAYBACK_PROCESSOR_NAME } from "./worklets/messages.js";
export { CAPTURE_WORKLET_SOURCE, PLAYBACK_WORKLET_SOURCE } from "./worklets/worklet-sources.js";
export { CaptureCore, type CaptureCoreOptions } from "./worklets/capture-core.js";
export { PlaybackRing, type PlaybackCounters, type PlaybackRingOptions } from "./worklets/playback-ring.js";
export { type Level, LevelMeter } from "./worklets/level.js";
export { MicrophoneError } from "./microphone-error.js";
export { AudioUnavailableError } from "./audio-unavailable-error.js";
