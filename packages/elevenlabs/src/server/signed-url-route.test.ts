import { describe, expect, it } from "vitest";
import { createSignedUrlRoute } from "../index.js";

const KEY = "sk_0123456789abcdef0123456789abcdef";
const SIGNED = "wss://api.elevenlabs.io/v1/convai/conversation?agent_id=agent_1&conversation_signature=cvtkn_abcdef0123456789";

/** A fetch that answers like get-signed-url and records what it was asked. */
function vendor(status = 200, body: string = JSON.stringify({ signed_url: SIGNED })) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { calls, fetch: fetchImpl };
}

const post = () => new Request("http://app.test/elevenlabs-signed-url", { method: "POST" });

describe("createSignedUrlRoute", () => {
  it("fetches the signed URL with the key on the server and answers the page only { signed_url }", async () => {
    const v = vendor(200, JSON.stringify({ signed_url: SIGNED, extra: "not for pages" }));
    const route = createSignedUrlRoute({ agentId: "agent_1", apiKey: KEY, fetch: v.fetch, authorize: "public" });
    const answer = await route.fetch(post());
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ signed_url: SIGNED });
    expect(v.calls).toHaveLength(1);
    expect(v.calls[0]?.url).toBe("https://api.elevenlabs.io/v1/convai/conversation/get-signed-url?agent_id=agent_1");
    expect(v.calls[0]?.init).toMatchObject({ method: "GET", headers: { "xi-api-key": KEY } });
  });

  it("answers a refused key with a generic 502, the detail (key redacted) kept for the server", async () => {
    const v = vendor(401, JSON.stringify({ detail: { status: "invalid_api_key", message: `key ${KEY} is invalid` } }));
    const errors: unknown[] = [];
    const route = createSignedUrlRoute({ agentId: "agent_1", apiKey: KEY, fetch: v.fetch, authorize: "public", onError: (e) => errors.push(e) });
    const answer = await route.fetch(post());
    expect(answer.status).toBe(502);
    const text = await answer.text();
    expect(JSON.parse(text)).toMatchObject({ code: "upstream_refused" });
    expect(text).not.toContain("invalid_api_key");
    expect(text).not.toContain(KEY);
    expect(String((errors[0] as Error).message)).toContain("HTTP 401");
    expect(String((errors[0] as Error).message)).not.toContain(KEY);
  });

  it("refuses an unauthorized caller before any call, and an answer without a signed URL", async () => {
    const v = vendor();
    expect((await createSignedUrlRoute({ agentId: "a", apiKey: KEY, fetch: v.fetch, authorize: () => false }).fetch(post())).status).toBe(401);
    expect(v.calls).toHaveLength(0);
    const bad = createSignedUrlRoute({ agentId: "a", apiKey: KEY, fetch: vendor(200, '{"signed_url":"https://x"}').fetch, authorize: "public" });
    const answer = await bad.fetch(post());
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ code: "protocol_violation" });
  });
});
