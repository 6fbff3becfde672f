export { createEchoJsonCodec } from "./client-codec.js";
export { ECHO_JSON_CAPABILITIES, type EchoJsonOptions, echoJson } from "./echo-json.js";
export { echoJsonFront } from "./front.js";
export { createEchoJsonPeerCodec } from "./peer-codec.js";
export { echoJsonSubject } from "./subject.js";
export {
  ECHO_JSON_FRAME_MS,
  ECHO_JSON_PATH,
  ECHO_JSON_SAMPLE_RATE,
  ECHO_JSON_SUBPROTOCOL_PREFIX,
  EchoJsonClose,
  EchoJsonMessage,
  type EchoJsonRole,
} from "./wire.js";
