import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectV2,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
} from "@voxwire/core";
import { createTelnyxCodec } from "./client-codec.js";
import { createTelnyxPeerCodec } from "./peer-codec.js";
import { validateFormat, validatePath } from "./validate.js";
import { DIALECT_NAME, type TelnyxCodec, wireFormat } from "./wire.js";

export interface TelnyxOptions {
  /** The bidirectional RTP codec (`stream_bidirectional_codec` / TeXML `bidirectionalCodec`): `PCMU` (default), `PCMA` or `L16`. */
  codec?: TelnyxCodec;
  /** 8000 for G.711; 8000, 16000 (default for L16) or 24000 for L16 (`bidirectionalSamplingRate`). */
  sampleRate?: number;
  /** The path the stream is served on. Default `/telnyx/media`. */
  path?: string;
}

/** What the leg can carry: clear Telnyx's queue, mark playback, receive keypad digits. */
export const TELNYX_CAPABILITIES: DialectCapabilities = { ...NO_CAPABILITIES, clearOut: true, marks: true, dtmfIn: true };

/**
 * The Telnyx media-streaming dialect (role `server`: Telnyx dials us), for a stream started with
 * bidirectional RTP mode (`stream_bidirectional_mode: "rtp"`, or TeXML `bidirectionalMode="rtp"`)
 * in the codec and rate given here; the session speaks PCM16 at that rate to the application.
 */
export function telnyx(options: TelnyxOptions = {}): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("telnyx() takes an options object", { dialect: DIALECT_NAME });
  const { codec, sampleRate } = validateFormat(options.codec, options.sampleRate);
  const format = wireFormat(codec, sampleRate);
  const plan: ConnectPlan = { url: validatePath(options.path), audio: { outbound: format, inbound: format }, secrets: [] };
  return defineDialect({
    name: DIALECT_NAME,
    role: "server",
    capabilities: TELNYX_CAPABILITIES,
    prepare(): Preparation {
      return { kind: "plan", plan };
    },
    createCodec: createTelnyxCodec,
    createPeerCodec: createTelnyxPeerCodec,
  });
}
