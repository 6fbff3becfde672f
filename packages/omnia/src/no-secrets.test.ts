import { BootstrapError, connect, type InboundEvent } from "@voxwire/core";
import { codecEnv, everything, rejection, thrown } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { createdPlan, KEY, SOCKET_URL } from "../test/fixtures.js";
import { type OmniaOptions, omnia, ultravox } from "./index.js";

const TOKEN = "tok_9f8e7d6c5b4a39281706";
const CALL_ID = "3f2b9c1e-77aa-4c1d-9e55-0a1b2c3d4e5f";
const base = { apiKey: KEY, agentId: "agent_42", inputSampleRate: 16000 };

function clean(text: string): void {
  for (const secret of [KEY, SOCKET_URL, TOKEN, CALL_ID]) expect(text).not.toContain(secret);
}

/** A fetch that answers every request with `status` and `body`, recording what it was sent. */
function fakeFetch(status: number, body: string) {
  const seen: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, seen };
}

describe("no key or socket URL in any error", () => {
  it("factory and prepare refusals never quote the key or the URL", () => {
    const cases: Array<() => unknown> = [
      () => omnia({ ...base, agentId: "" }),
      () => omnia({ ...base, inputSampleRate: 1 }),
      () => omnia({ ...base, apiKey: `${KEY} x` }),
      () => omnia({ ...base, baseUrl: `https://u:${KEY}@host` }),
      () => omnia({ ...base, baseUrl: `https://host/?key=${KEY}` }),
      () => omnia({ websocketUrl: SOCKET_URL, apiKey: KEY, inputSampleRate: 16000 } as unknown as OmniaOptions),
      () => omnia({ websocketUrl: SOCKET_URL.replace("wss:", "https:"), inputSampleRate: 16000 }),
      () => omnia(base).prepare({ runtime: "browser", now: 0 }),
      () => ultravox({ ...base, clientBufferSizeMs: -1 }),
    ];
    for (const run of cases) clean(everything(thrown(run)));
  });

  it("codec errors carry only what the (already redacted) peer said", () => {
    const codec = omnia(base).createCodec(createdPlan(omnia(base)), codecEnv());
    const events: InboundEvent[] = [
      ...codec.close(4401, ""),
      ...codec.close(1011, ""),
      ...codec.decode("{bad"),
      ...codec.decode(new Uint8Array(3)),
      ...codec.decode(JSON.stringify({ type: "error", message: `leaked ${KEY} ${SOCKET_URL} ${TOKEN}` })),
      ...codec.decode(JSON.stringify({ type: "transcript", role: KEY })),
    ];
    const errors = [
      ...events.flatMap((e) => (e.type === "error" ? [e.error, e.message] : [])),
      codec.upgradeRejected(410, ""),
      codec.upgradeRejected(500, ""),
    ];
    for (const error of errors) clean(typeof error === "string" ? error : everything(error));
  });

  it("a refused create-call is a BootstrapError with status and body, the key redacted even when echoed", async () => {
    const { fetch, seen } = fakeFetch(401, JSON.stringify({ error: "unauthorized", message: `bad key ${KEY}` }));
    const error = await rejection(connect(omnia({ ...base, baseUrl: "http://127.0.0.1:9" }), { fetch }));
    expect(error).toBeInstanceOf(BootstrapError);
    expect(error).toMatchObject({ status: 401, code: "bootstrap_failed", retryable: false });
    expect((error as BootstrapError).body).toContain("unauthorized");
    clean(everything(error));
    expect(seen[0]!.url).toBe("http://127.0.0.1:9/api/v1/calls/create");
    expect(new Headers(seen[0]!.init.headers).get("x-api-key")).toBe(KEY);
  });

  it("a 5xx create-call is retryable; an answer without a URL is a ProtocolError; neither leaks", async () => {
    const down = await rejection(connect(omnia(base), { fetch: fakeFetch(503, "maintenance").fetch }));
    expect(down).toMatchObject({ status: 503, retryable: true, body: "maintenance" });
    const odd = await rejection(connect(omnia(base), { fetch: fakeFetch(201, JSON.stringify({ socket: SOCKET_URL })).fetch }));
    expect(odd.code).toBe("protocol_violation");
    clean(everything(down) + everything(odd));
  });

  it("a created call whose socket cannot be reached fails without naming the URL", async () => {
    // wss: on a host the application allows (an https: bootstrap answering ws: or another host is refused before any dial).
    const url = `wss://127.0.0.1:9/calls/${CALL_ID}/ws?token=${TOKEN}`;
    const answer = fakeFetch(201, JSON.stringify({ websocketUrl: url })).fetch;
    const error = await rejection(connect(omnia(base), { fetch: answer, allowedSocketHosts: ["127.0.0.1"] }));
    expect(error.code).toBe("network");
    for (const secret of [KEY, url, TOKEN, CALL_ID]) expect(everything(error)).not.toContain(secret);
  });
});
