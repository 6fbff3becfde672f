import { VoxwireError } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { REALTIME_SESSION_RESPONSE, SEED_AGENT_ID } from "../../test/seed-004-frames.js";
import { createOrbitaliSession } from "./create-session.js";

const KEY = "orb_live_s3cr3t_key_123";
const TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...";

interface Seen {
  url: string;
  init: RequestInit;
}

/** A fetch that records what it was asked and answers `status` with `body`. */
function fakeFetch(status: number, body: string, seen: Seen[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

async function failure(promise: Promise<unknown>): Promise<VoxwireError> {
  try {
    await promise;
  } catch (error) {
    if (VoxwireError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a VoxwireError");
}

describe("createOrbitaliSession", () => {
  it("POSTs to the realtime-sessions endpoint with the bearer key and returns the documented fields", async () => {
    const seen: Seen[] = [];
    const session = await createOrbitaliSession({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: fakeFetch(200, REALTIME_SESSION_RESPONSE, seen) });
    expect(session).toEqual(JSON.parse(REALTIME_SESSION_RESPONSE));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(`https://api.orbitali.ai/public/v1/agents/${SEED_AGENT_ID}/realtime-sessions`);
    expect(seen[0]!.init.method).toBe("POST");
    expect(seen[0]!.init.headers).toMatchObject({ authorization: `Bearer ${KEY}` });
  });

  it("keeps only the documented fields of the answer", async () => {
    const body = JSON.stringify({ ...JSON.parse(REALTIME_SESSION_RESPONSE), internal: "x" });
    const session = await createOrbitaliSession({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: fakeFetch(200, body) });
    expect(Object.keys(session).sort()).toEqual(["expiresAt", "protocol", "token", "websocketUrl"]);
  });

  it("a non-2xx answer is a BootstrapError with the status and the body, the key redacted", async () => {
    const error = await failure(
      createOrbitaliSession({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: fakeFetch(401, `{"error":"invalid key ${KEY}"}`) }),
    );
    expect(error).toMatchObject({ code: "bootstrap_failed", status: 401, retryable: false });
    expect((error as unknown as { body: string }).body).toContain("invalid key [redacted]");
    expect(error.message).not.toContain(KEY);
    expect((await failure(createOrbitaliSession({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: fakeFetch(503, "down") }))).retryable).toBe(true);
  });

  it.each([
    ["not JSON", "<html>oops</html>"],
    ["no websocketUrl", JSON.stringify({ ...JSON.parse(REALTIME_SESSION_RESPONSE), websocketUrl: undefined })],
    [
      "a protocol without outputAudio",
      JSON.stringify({ ...JSON.parse(REALTIME_SESSION_RESPONSE), protocol: { inputAudio: { encoding: "pcm16", sampleRate: 16000 } } }),
    ],
    ["an unparsable expiresAt", JSON.stringify({ ...JSON.parse(REALTIME_SESSION_RESPONSE), expiresAt: "soon" })],
  ])("an answer with %s is a fatal ProtocolError without the token", async (_name, body) => {
    const error = await failure(createOrbitaliSession({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: fakeFetch(200, body) }));
    expect(error).toMatchObject({ code: "protocol_violation", fatal: true });
    expect(error.message).not.toContain(TOKEN.slice(0, 20));
  });

  it("a transport failure is a NetworkError with secrets redacted", async () => {
    const broken = (async () => {
      throw new TypeError(`connect ECONNREFUSED while sending Bearer ${KEY}`);
    }) as typeof fetch;
    const error = await failure(createOrbitaliSession({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: broken }));
    expect(error).toMatchObject({ code: "network", retryable: true });
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.message).not.toContain(KEY);
  });

  it("the caller's signal aborts (AbortedError) and the deadline times out (TimeoutError)", async () => {
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(new Error("aborted"))))) as typeof fetch;
    const controller = new AbortController();
    const attempt = createOrbitaliSession({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: hanging, signal: controller.signal, timeoutMs: 60_000 });
    controller.abort();
    expect(await failure(attempt)).toMatchObject({ code: "aborted" });
    expect(await failure(createOrbitaliSession({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: hanging, timeoutMs: 1 }))).toMatchObject({
      code: "timeout",
    });
    expect(await failure(createOrbitaliSession({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: hanging, signal: AbortSignal.abort() }))).toMatchObject({
      code: "aborted",
    });
  });

  it("refuses an orb_live_ key in a browser before any request", async () => {
    const seen: Seen[] = [];
    const error = await failure(
      createOrbitaliSession({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: fakeFetch(200, REALTIME_SESSION_RESPONSE, seen), runtime: "browser" }),
    );
    expect(error).toMatchObject({ code: "invalid_config", vendorCode: "secret_key_in_browser" });
    expect(error.message).not.toContain(KEY);
    expect(seen).toHaveLength(0);
  });

  it("refuses bad options before any request", async () => {
    const seen: Seen[] = [];
    const fetchImpl = fakeFetch(200, REALTIME_SESSION_RESPONSE, seen);
    expect(await failure(createOrbitaliSession({ apiKey: KEY, agentId: "a/b", fetch: fetchImpl }))).toMatchObject({ code: "invalid_config" });
    expect(await failure(createOrbitaliSession({ apiKey: "", agentId: SEED_AGENT_ID, fetch: fetchImpl }))).toMatchObject({ code: "invalid_config" });
    expect(seen).toHaveLength(0);
  });
});
