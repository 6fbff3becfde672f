import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectV2,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
} from "@voxwire/core";
import type { FlowSignal } from "@voxwire/phone";
import { createAsteriskCodec } from "./client-codec.js";
import { createAsteriskPeerCodec } from "./peer-codec.js";
import { validateFormat, validateMediaUrl, validatePath } from "./validate.js";
import { ASTERISK_MAX_MESSAGE_BYTES, ASTERISK_SUBPROTOCOL, AsteriskEvent, type AsteriskFormat, DIALECT_NAME, wireFormat } from "./wire.js";

export interface AsteriskOptions {
  /** The channel's codec, as the dialstring's `c(…)` names it: `ulaw` (default), `alaw`, `slin` (8 kHz) or `slin16`. */
  format?: AsteriskFormat;
  /** The path the media WebSocket is served on (Asterisk dials us). Default `/asterisk/media`. */
  path?: string;
}

export interface AsteriskClientOptions {
  /** Asterisk's HTTP server, `ws://pbx:8088` (`wss:` with TLS). */
  url: string;
  /** The channel's `MEDIA_WEBSOCKET_CONNECTION_ID` (from the Dial event or ARI). */
  connectionId: string;
  format?: AsteriskFormat;
}

/** What the leg can carry: flush Asterisk's queue, marks, keypad digits in. */
export const ASTERISK_CAPABILITIES: DialectCapabilities = { ...NO_CAPABILITIES, clearOut: true, marks: true, dtmfIn: true };

function definition(role: "server" | "client", plan: ConnectPlan): DialectV2 {
  return defineDialect({
    name: DIALECT_NAME,
    role,
    capabilities: ASTERISK_CAPABILITIES,
    prepare(): Preparation {
      return { kind: "plan", plan };
    },
    createCodec: createAsteriskCodec,
    createPeerCodec: (p) => createAsteriskPeerCodec(p),
  });
}

function audioOf(format: AsteriskFormat): ConnectPlan["audio"] {
  const wire = wireFormat(format);
  return { outbound: wire, inbound: wire };
}

/**
 * The `chan_websocket` dialect where Asterisk dials us (role `server`: a `websocket_client.conf`
 * connection in `Dial(WebSocket/<connection>/c(ulaw))`). The session speaks PCM16 to the
 * application at the format's rate; media leaves in whole optimal frames.
 */
export function asterisk(options: AsteriskOptions = {}): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("asterisk() takes an options object", { dialect: DIALECT_NAME });
  const format = validateFormat(options.format);
  return definition("server", {
    url: validatePath(options.path),
    audio: audioOf(format),
    secrets: [],
    maxMessageBytes: ASTERISK_MAX_MESSAGE_BYTES + 1024,
  });
}

/**
 * The same wire where we dial Asterisk (role `client`): `Dial(WebSocket/INCOMING/c(ulaw))` or ARI
 * externalMedia with `connection_type=server` waits for us at `/media/<connection id>`; give the
 * dialect to core's `connect()`. The subprotocol is `media`.
 */
export function asteriskClient(options: AsteriskClientOptions): DialectV2 {
  if (options === null || typeof options !== "object")
    throw new ConfigError("asteriskClient() takes { url, connectionId }", { dialect: DIALECT_NAME });
  const format = validateFormat(options.format);
  const url = validateMediaUrl(options.url, options.connectionId);
  return definition("client", {
    url,
    protocols: [ASTERISK_SUBPROTOCOL],
    audio: audioOf(format),
    secrets: [],
    maxMessageBytes: ASTERISK_MAX_MESSAGE_BYTES + 1024,
  });
}

/** Reads MEDIA_XOFF / MEDIA_XON for the bridge: stop sending, send again. */
export const asteriskFlowSignal: FlowSignal = (event) =>
  event.name === AsteriskEvent.xoff ? "pause" : event.name === AsteriskEvent.xon ? "resume" : undefined;
