// The Relay dialect as the shared suite sees it (see relay-wire.ts).
import type { ConformanceSubject } from "../../src/live/live-subject.js";
import { type RelayOptions, relay } from "./relay-dialect.js";
import { relayFront } from "./relay-peer.js";
import { RELAY, RELAY_BAD_KEY_CLOSE } from "./relay-wire.js";

/** Relay as the suite sees it; `options` break or tune the client (faults, keepalive interval). */
export function relaySubject(options: Partial<Omit<RelayOptions, "apiKey" | "baseUrl">> = {}): ConformanceSubject {
  return {
    name: RELAY,
    client: ({ url, key }) => relay({ apiKey: key, baseUrl: url, ...options }),
    front: relayFront,
    authRefusal: { kind: "close", code: RELAY_BAD_KEY_CLOSE, errorCode: "auth_failed", source: "conformance/test/helpers/relay-wire.ts" },
  };
}
