import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectV2,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
} from "@voxwire/core";
import { createExotelCodec } from "./client-codec.js";
import { createExotelPeerCodec } from "./peer-codec.js";
import { validatePath, validateRate } from "./validate.js";
import { DIALECT_NAME, wireFormats } from "./wire.js";

export interface ExotelOptions {
  /** 8000 (Exotel's default), 16000 or 24000: the stream URL's `?sample-rate=`. */
  sampleRate?: number;
  /** The path the stream is served on. Default `/exotel/media`. */
  path?: string;
}

/** What the leg can carry on the Voicebot applet: clear, marks, keypad digits in. */
export const EXOTEL_CAPABILITIES: DialectCapabilities = { ...NO_CAPABILITIES, clearOut: true, marks: true, dtmfIn: true };

/**
 * The Exotel AgentStream dialect for the Voicebot applet (role `server`: Exotel dials us). The
 * session speaks PCM16 at the rate given to the application; audio goes back in messages of whole
 * multiples of 320 bytes of at least 3.2 KB (200 ms at 8 kHz, 100 ms at 16 and 24 kHz), as Exotel requires.
 */
export function exotel(options: ExotelOptions = {}): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("exotel() takes an options object", { dialect: DIALECT_NAME });
  const plan: ConnectPlan = { url: validatePath(options.path), audio: wireFormats(validateRate(options.sampleRate)), secrets: [] };
  return defineDialect({
    name: DIALECT_NAME,
    role: "server",
    capabilities: EXOTEL_CAPABILITIES,
    prepare(): Preparation {
      return { kind: "plan", plan };
    },
    createCodec: createExotelCodec,
    createPeerCodec: createExotelPeerCodec,
  });
}
