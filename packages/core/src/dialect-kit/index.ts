// Helpers every dialect uses and the spec does not define: events built from typed errors and
// from a socket's close, guarded JSON and PCM frame reading, bootstrap answer bodies. Outside
// the versioned spec folder, so a spec v2 can share them.
export { closeEvents } from "./close-events.js";
export { errorEvent } from "./error-event.js";
export { type ReadJsonObjectOptions, readJsonObject } from "./json-body.js";
export type { JsonMessage, ReadJsonOptions } from "./json-frame.js";
export { DEFAULT_MAX_FRAME_BYTES, MAX_REFUSED_RAW, passthrough, passthroughFrame, readJsonFrame, refusedFrameEvent } from "./json-frame.js";
export { decodePcm16Append, decodePcm16Chunk, readPcm16Frame } from "./pcm-frame.js";
export { isPoisonKey, parsePeerJson } from "./safe-json.js";
export { sessionStartedEvent } from "./session-started.js";
