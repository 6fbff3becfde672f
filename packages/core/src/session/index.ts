export { accept, connect } from "./connect.js";
export { runBootstrap, type BootstrapContext } from "./bootstrap-runner.js";
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
export type { WebSocketConstructor, WebSocketLike } from "./websocket.js";
export { consoleLogger, scopedLogger, silentLogger, type Logger } from "./logger.js";
export { OutboundQueue, type OutboundQueueOptions } from "./outbound-queue.js";
export { EventHub, type EventHubOptions } from "./event-hub.js";
