import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectV2,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
} from "@voxwire/core";
import { createVonageCodec } from "./client-codec.js";
import { createVonagePeerCodec } from "./peer-codec.js";
import { validatePath, validateRate } from "./validate.js";
import { DIALECT_NAME, wireFormat } from "./wire.js";

export interface VonageOptions {
  /** 8000, 16000 (default) or 24000: the NCCO endpoint's `content-type` rate. */
  sampleRate?: number;
  /**
   * Marks as `notify` actions (default true): the ledger's heard audio is then acknowledged. Off,
   * the leg declares no marks and the bridge estimates what was heard from its pacing clock.
   */
  notify?: boolean;
  /** The path the socket is served on. Default `/vonage/media`. */
  path?: string;
}

/** What the leg can carry: clear Vonage's buffer, notify as marks, keypad digits in. */
export const VONAGE_CAPABILITIES: DialectCapabilities = { ...NO_CAPABILITIES, clearOut: true, marks: true, dtmfIn: true };

/**
 * The Vonage Voice API WebSocket dialect (role `server`: Vonage dials us from an NCCO `connect`
 * with a `websocket` endpoint). Audio is BINARY L16 at the rate given; the session speaks PCM16
 * at that rate to the application.
 */
export function vonage(options: VonageOptions = {}): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("vonage() takes an options object", { dialect: DIALECT_NAME });
  const format = wireFormat(validateRate(options.sampleRate));
  const plan: ConnectPlan = { url: validatePath(options.path), audio: { outbound: format, inbound: format }, secrets: [] };
  return defineDialect({
    name: DIALECT_NAME,
    role: "server",
    capabilities: options.notify === false ? { ...VONAGE_CAPABILITIES, marks: false } : VONAGE_CAPABILITIES,
    prepare(): Preparation {
      return { kind: "plan", plan };
    },
    createCodec: createVonageCodec,
    createPeerCodec: createVonagePeerCodec,
  });
}
