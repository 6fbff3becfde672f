// Helpers every dialect uses and the spec does not define: events built from typed errors and
// from a socket's close, guarded JSON and PCM frame reading, bootstrap answer bodies, option
// checks, peer text in error messages, transcript turns. Outside the versioned spec folder, so a
// spec v2 can share them.
export { type BaseUrlOptions, isSocketUrl, validateBaseUrl } from "./base-url.js";
export { readBase64Audio } from "./base64-audio-field.js";
export { closeEvents } from "./close-events.js";
export { type DialectDefinition, defineDialect } from "./define-dialect.js";
export { errorEvent } from "./error-event.js";
export { isRecord, str, withOptional } from "./fields.js";
export { isHeaderValueSafe, isHttpToken } from "./headers.js";
export { type ReadJsonObjectOptions, readJsonObject } from "./json-body.js";
export type { JsonMessage, ReadJsonOptions } from "./json-frame.js";
export { DEFAULT_MAX_FRAME_BYTES, MAX_REFUSED_RAW, passthrough, passthroughFrame, readJsonFrame, refusedFrameEvent } from "./json-frame.js";
export { NO_CAPABILITIES } from "./no-capabilities.js";
export { decodePcm16Append, decodePcm16Chunk, readPcm16Frame } from "./pcm-frame.js";
export { type QuotePeerOptions, quotePeer } from "./quote-peer.js";
export { isPoisonKey, parsePeerJson } from "./safe-json.js";
export { sessionStartedEvent } from "./session-started.js";
export { TranscriptAccumulator, type TranscriptFields, type TranscriptRole } from "./transcript-accumulator.js";
