import { ConfigError, type DialectV2, defineDialect } from "@voxwire/core";
import { TWILIO_CAPABILITIES, twilio } from "@voxwire/twilio";
import { DIALECT_NAME } from "./wire.js";

export interface SignalWireOptions {
  /** The path the stream is served on. Default `/signalwire/media`. */
  path?: string;
}

/**
 * The SignalWire stream dialect (role `server`): Twilio's Media Streams codecs under SignalWire's
 * name, so a bridged call says `carrier: "signalwire"`. 20 ms μ-law at 8 kHz both ways.
 */
export function signalwire(options: SignalWireOptions = {}): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("signalwire() takes an options object", { dialect: DIALECT_NAME });
  const base = twilio({ path: options.path ?? "/signalwire/media" });
  return defineDialect({
    name: DIALECT_NAME,
    role: "server",
    capabilities: TWILIO_CAPABILITIES,
    prepare: base.prepare,
    createCodec: base.createCodec,
    ...(base.createPeerCodec ? { createPeerCodec: base.createPeerCodec } : {}),
  });
}
