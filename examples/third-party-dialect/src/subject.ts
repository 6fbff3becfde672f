import type { ConformanceSubject } from "@voxwire/conformance";
import { echoJson } from "./echo-json.js";
import { echoJsonFront } from "./front.js";

/** Echo JSON as the shared conformance suite sees it: how to build its client, its simulator's front, its refusal. */
export const echoJsonSubject: ConformanceSubject = {
  name: "echo-json",
  summary: "Echo JSON, a made-up example wire (base64 PCM16 16 kHz in JSON; key in the echo-key subprotocol)",
  client: ({ url, key }) => echoJson({ apiKey: key, baseUrl: url }),
  front: echoJsonFront,
  authRefusal: {
    kind: "close",
    code: 4401,
    errorCode: "auth_failed",
    source: 'examples/third-party-dialect/README.md, "The Echo JSON wire": close 4401 = bad key',
  },
};
