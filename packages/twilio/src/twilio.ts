import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectV2,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
} from "@voxwire/core";
import { createTwilioCodec } from "./client-codec.js";
import { createTwilioPeerCodec } from "./peer-codec.js";
import { DIALECT_NAME, TWILIO_FRAME_MS, TWILIO_SAMPLE_RATE } from "./wire.js";

export interface TwilioOptions {
  /** The path the stream is served on (the `<Stream url>`'s path). Default `/media`. */
  path?: string;
}

/** What the phone leg can carry: we can clear Twilio's queue, mark playback, and receive keypad digits. */
export const TWILIO_CAPABILITIES: DialectCapabilities = {
  ...NO_CAPABILITIES,
  clearOut: true,
  marks: true,
  dtmfIn: true,
};

/** The wire format both ways: 20 ms of 8 kHz μ-law per `media` message. */
export const TWILIO_WIRE_FORMAT = { encoding: "mulaw", sampleRate: TWILIO_SAMPLE_RATE, frameMs: TWILIO_FRAME_MS } as const;

/**
 * The Twilio Media Streams dialect (role `server`: Twilio dials us). Give it to `accept()` with
 * the socket Twilio opened; the session then speaks PCM16 at 8 kHz to the application (or at any
 * rate asked for) and μ-law in 20 ms `media` messages to Twilio, held until `start` arrives.
 */
export function twilio(options: TwilioOptions = {}): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("twilio() takes an options object", { dialect: DIALECT_NAME });
  const path = options.path ?? "/media";
  if (typeof path !== "string" || !path.startsWith("/"))
    throw new ConfigError(`path must start with "/", got ${JSON.stringify(path)}`, { dialect: DIALECT_NAME });
  const plan: ConnectPlan = { url: path, audio: { outbound: TWILIO_WIRE_FORMAT, inbound: TWILIO_WIRE_FORMAT }, secrets: [] };
  return defineDialect({
    name: DIALECT_NAME,
    role: "server",
    capabilities: TWILIO_CAPABILITIES,
    prepare(): Preparation {
      return { kind: "plan", plan };
    },
    createCodec: createTwilioCodec,
    createPeerCodec: createTwilioPeerCodec,
  });
}
