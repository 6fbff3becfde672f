import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectV2,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
} from "@voxwire/core";
import { createPlivoCodec } from "./client-codec.js";
import { createPlivoPeerCodec } from "./peer-codec.js";
import { validateFormat, validatePath } from "./validate.js";
import { DIALECT_NAME, type PlivoContentType, wireFormat } from "./wire.js";

export interface PlivoOptions {
  /** The stream's format (`<Stream contentType>`): `audio/x-l16` (default) or `audio/x-mulaw`. */
  contentType?: PlivoContentType;
  /** 8000 (default) or, for L16, 16000. */
  sampleRate?: number;
  /** The path the stream is served on. Default `/plivo/media`. */
  path?: string;
}

/** What the leg can carry: clear Plivo's buffer, checkpoints (marks), keypad digits in. */
export const PLIVO_CAPABILITIES: DialectCapabilities = { ...NO_CAPABILITIES, clearOut: true, marks: true, dtmfIn: true };

/**
 * The Plivo Audio Streams dialect (role `server`: Plivo dials us), for a bidirectional
 * `<Stream>` in the format given here; the session speaks PCM16 at that rate to the application.
 * Marks are Plivo checkpoints (`checkpoint` → `playedStream`); a clear is `clearAudio`.
 */
export function plivo(options: PlivoOptions = {}): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("plivo() takes an options object", { dialect: DIALECT_NAME });
  const { contentType, sampleRate } = validateFormat(options.contentType, options.sampleRate);
  const format = wireFormat(contentType, sampleRate);
  const plan: ConnectPlan = { url: validatePath(options.path), audio: { outbound: format, inbound: format }, secrets: [] };
  return defineDialect({
    name: DIALECT_NAME,
    role: "server",
    capabilities: PLIVO_CAPABILITIES,
    prepare(): Preparation {
      return { kind: "plan", plan };
    },
    createCodec: createPlivoCodec,
    createPeerCodec: createPlivoPeerCodec,
  });
}
