export { accept } from "./accept.js";
export { connect } from "./connect.js";
export { DEFAULT_MAX_PENDING_BYTES, EventHub, type EventHubOptions } from "./event-hub.js";
export { consoleLogger, type Logger, normalizeLogCall, scopedLogger, silentLogger } from "./logger.js";
export { OutboundQueue, type OutboundQueueOptions } from "./outbound-queue.js";
export { DEFAULT_MAX_BODY_BYTES, readResponseText } from "./read-body.js";
export type { ReconnectOptions } from "./reconnect-policy.js";
export { type BootstrapContext, runBootstrap } from "./run-bootstrap.js";
export type { ToolCallContext, ToolHandler, ToolHandlers } from "./tool-handlers.js";
export type {
  AudioQuality,
  ConnectOptions,
  Listener,
  Session,
  SessionAudio,
  SessionOptions,
  SessionState,
  SessionStats,
} from "./types.js";
export { DEFAULT_MAX_MESSAGE_BYTES, type WebSocketClientOptions, type WebSocketConstructor, type WebSocketLike } from "./websocket.js";
