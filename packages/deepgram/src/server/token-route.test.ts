import { describe, expect, it } from "vitest";
import { grantDeepgramToken } from "./grant-token.js";
import { createDeepgramTokenRoute } from "./token-route.js";

const KEY = "0123456789abcdef0123456789abcdef01234567";
const GRANT = '{"access_token":"eyJh.eyJl.c2ln","expires_in":60}';

function vendor(status: number, body: string, seen: string[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push(`${init.method} ${url} ${JSON.stringify(init.headers)} ${String(init.body)}`);
    return new Response(body, { status });
  }) as typeof fetch;
}

describe("grantDeepgramToken and createDeepgramTokenRoute", () => {
  it("POSTs /v1/auth/grant with Authorization: Token and the TTL, and returns the token", async () => {
    const seen: string[] = [];
    const grant = await grantDeepgramToken({ apiKey: KEY, ttlSeconds: 60, fetch: vendor(200, GRANT, seen), runtime: "node" });
    expect(grant).toEqual({ access_token: "eyJh.eyJl.c2ln", expires_in: 60 });
    expect(seen).toEqual([
      `POST https://api.deepgram.com/v1/auth/grant {"authorization":"Token ${KEY}","content-type":"application/json","accept":"application/json"} {"ttl_seconds":60}`,
    ]);
  });

  it("refuses to run in a browser, and bad options before any call", async () => {
    await expect(grantDeepgramToken({ apiKey: KEY, fetch: vendor(200, GRANT), runtime: "browser" })).rejects.toMatchObject({
      vendorCode: "secret_key_in_browser",
    });
    expect(() => createDeepgramTokenRoute({ apiKey: "" })).toThrow(/apiKey is required/);
    expect(() => createDeepgramTokenRoute({ apiKey: KEY, ttlSeconds: 0 })).toThrow(/ttlSeconds/);
  });

  it("the route answers the grant as JSON, a vendor refusal as a generic 502 without the key", async () => {
    const ok = createDeepgramTokenRoute({ apiKey: KEY, fetch: vendor(200, GRANT), runtime: "node", authorize: "public" });
    const response = await ok.fetch(new Request("http://app.test/api/deepgram-token", { method: "POST" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(GRANT));

    const refused = createDeepgramTokenRoute({
      apiKey: KEY,
      fetch: vendor(401, `{"err_code":"INVALID_AUTH","err_msg":"bad ${KEY}"}`),
      runtime: "node",
      authorize: "public",
    });
    const failure = await refused.fetch(new Request("http://app.test/api/deepgram-token", { method: "POST" }));
    expect(failure.status).toBe(502);
    const text = await failure.text();
    expect(JSON.parse(text)).toMatchObject({ code: "upstream_refused" });
    expect(text).not.toContain(KEY);
  });

  it("a grant answer without access_token is a protocol error that never quotes the body", async () => {
    const error = await grantDeepgramToken({ apiKey: KEY, fetch: vendor(200, '{"token":"secret-ish"}'), runtime: "node" }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: "protocol_violation" });
    expect((error as Error).message).not.toContain("secret-ish");
  });
});
