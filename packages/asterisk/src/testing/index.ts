// `@voxwire/asterisk/testing`: the Asterisk simulator, both ways (it dials an application, or
// waits at /media/<id> for one), the leg's conformance subjects, the codecs and the wire constants.
export { createAsteriskCodec } from "../client-codec.js";
export { createAsteriskPeerCodec } from "../peer-codec.js";
export {
  ASTERISK_FORMATS,
  ASTERISK_FRAME_MS,
  ASTERISK_HANGUP_REASON,
  ASTERISK_MAX_MESSAGE_BYTES,
  ASTERISK_SUBPROTOCOL,
  ASTERISK_XOFF_FRAMES,
  ASTERISK_XON_FRAMES,
  AsteriskCommand,
  AsteriskEvent,
  type ControlMessage,
  DIALECT_NAME,
  optimalFrameSize,
  readControl,
  writeCommand,
} from "../wire.js";
export { type AsteriskCallOptions, type AsteriskIds, type AsteriskMediaServer, serveAsteriskMedia, simulateAsteriskCall } from "./asterisk-call.js";
export { asteriskSlin16Subject, asteriskSubject } from "./subject.js";
