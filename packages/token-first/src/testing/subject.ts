import type { ConformanceSubject } from "@voxwire/conformance";
import { tokenFirst } from "../token-first.js";
import { type TokenFirstFrontOptions, tokenFirstFront } from "./front.js";

/** The token-first dialect as the shared conformance suite and the CLI see it. */
export const tokenFirstSubject: ConformanceSubject = {
  name: "token-first",
  summary: 'token-first-message (POST /api/v1/sdk/token with a Bearer key, {"token"} first, PCM16 16 kHz in 640-byte frames)',
  // The wire is 16 kHz and names no agent: `sampleRate` and `agentId` do not apply.
  client: ({ url, key }) => tokenFirst({ apiUrl: url, apiKey: key }),
  front: (options) => tokenFirstFront(options as TokenFirstFrontOptions),
  frontOptions: { tokenTtlMs: { type: "number", summary: "how long an issued token stays valid, ms (default 60000)" } },
  authRefusal: {
    kind: "bootstrap",
    statuses: [401, 403],
    source: "token-first guide (docs/sources.md), step 1: the token call refused (the guide shows no failure; voxwire's simulator answers 401)",
  },
};
