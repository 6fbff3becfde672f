// The bootstrap call against hostile HTTP servers on 127.0.0.1: endless bodies, redirects.
import { afterEach, describe, expect, it } from "vitest";
import { endlessBody, type HostilePeer, type HostilePeerOptions, startHostilePeer } from "../../test/hostile-peer.js";
import { everything, rejection } from "../../test/test-helpers.js";
import type { HttpRequestSpec } from "../dialect/current.js";
import { ProtocolError } from "../errors/error-classes.js";
import { SecretSet } from "../secrets/redact.js";
import { guardDialectCall, runBootstrap } from "./bootstrap-runner.js";

const KEY = "bootstrap-hostile-key-7";
const peers: HostilePeer[] = [];

afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

async function peer(options: HostilePeerOptions = {}): Promise<HostilePeer> {
  const started = await startHostilePeer(options);
  peers.push(started);
  return started;
}

function call(url: string, options: { timeoutMs?: number; maxBodyBytes?: number; method?: "GET" | "POST" } = {}) {
  const request: HttpRequestSpec = {
    method: options.method ?? "POST",
    url,
    headers: { "x-api-key": KEY, authorization: `Bearer ${KEY}` },
    body: "{}",
    secrets: [KEY],
  };
  return runBootstrap(request, {
    fetch: globalThis.fetch,
    signal: undefined,
    timeoutMs: options.timeoutMs ?? 5000,
    secrets: new SecretSet(),
    dialect: "acme",
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
}

describe("runBootstrap: bodies are read with a cap, under the deadline", () => {
  it("an endless success body is refused once past the cap, long before the deadline, without quoting it", async () => {
    const endless = await peer({ http: (_req, res) => endlessBody(res) });
    const started = Date.now();
    const error = await rejection(call(`${endless.httpUrl}/token`, { timeoutMs: 4000 }));
    expect(error).toMatchObject({ code: "protocol_violation", fatal: true, vendorCode: "body_too_large" });
    expect(error.message).toContain("over 1048576 bytes");
    expect(error.message).not.toContain("aaaa");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("the cap is an option", async () => {
    const answer = `{"token":"${"t".repeat(5000)}"}`;
    const big = await peer({ http: (_req, res) => res.writeHead(200).end(answer) });
    const error = await rejection(call(big.httpUrl, { maxBodyBytes: 1024 }));
    expect(error).toMatchObject({ vendorCode: "body_too_large" });
    expect((await call(big.httpUrl, { maxBodyBytes: 8192 })).body).toBe(answer);
  });

  it("an endless error body gives a BootstrapError with a cut, redacted body", async () => {
    const endless = await peer({
      http: (_req, res) => {
        res.writeHead(500);
        res.write(`{"error":"bad key ${KEY}",`);
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write("x".repeat(65536))), 5);
        res.on("close", () => clearInterval(timer));
      },
    });
    const error = await rejection(call(endless.httpUrl, { timeoutMs: 4000 }));
    expect(error).toMatchObject({ code: "bootstrap_failed", status: 500 });
    const body = (error as unknown as { body: string }).body;
    expect(body.length).toBeLessThanOrEqual(2001);
    expect(body).toContain("bad key [redacted]");
    expect(everything(error)).not.toContain(KEY);
  });

  it("a body that never comes hits the deadline as a TimeoutError", async () => {
    const silent = await peer({ http: (_req, res) => res.writeHead(200).write('{"tok') });
    const error = await rejection(call(silent.httpUrl, { timeoutMs: 200 }));
    expect(error.code).toBe("timeout");
  });
});

describe("runBootstrap: no credential follows a cross-origin redirect", () => {
  it("a 307 to another origin is refused; that server never hears from us", async () => {
    const elsewhere = await peer({ http: (_req, res) => res.writeHead(200).end('{"stolen":true}') });
    const redirecting = await peer({ http: (_req, res) => res.writeHead(307, { location: `${elsewhere.httpUrl}/collect` }).end() });
    const error = await rejection(call(`${redirecting.httpUrl}/token`));
    expect(error).toMatchObject({ code: "bootstrap_failed", status: 307, vendorCode: "cross_origin_redirect", retryable: false });
    expect(elsewhere.requests).toEqual([]);
    expect(everything(error)).not.toContain(KEY);
  });

  it("same-origin redirects are followed (307 keeps the method, 303 turns into GET), up to 3 hops", async () => {
    const server = await peer({
      http: (req, res) => {
        if (req.url === "/token") res.writeHead(307, { location: "/v2/token" }).end();
        else if (req.url === "/v2/token") res.writeHead(303, { location: "/v2/answer" }).end();
        else if (req.url === "/v2/answer") res.writeHead(200).end('{"ok":true}');
        else res.writeHead(308, { location: "/loop" }).end();
      },
    });
    expect((await call(`${server.httpUrl}/token`)).body).toBe('{"ok":true}');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /token", "POST /v2/token", "GET /v2/answer"]);
    const error = await rejection(call(`${server.httpUrl}/loop`));
    expect(error).toMatchObject({ vendorCode: "too_many_redirects" });
  });

  it("a redirect's origin is checked at every hop", async () => {
    const elsewhere = await peer();
    const server = await peer({
      http: (req, res) => {
        if (req.url === "/token") res.writeHead(302, { location: "/hop" }).end();
        else res.writeHead(307, { location: `${elsewhere.httpUrl}/x` }).end();
      },
    });
    const error = await rejection(call(`${server.httpUrl}/token`));
    expect(error).toMatchObject({ vendorCode: "cross_origin_redirect" });
    expect(elsewhere.requests).toEqual([]);
  });
});

describe("runBootstrap: transport failures keep their cause", () => {
  it("a refused connection is a NetworkError with fetch's error as cause, no secret anywhere", async () => {
    const error = await rejection(call(`http://127.0.0.1:1/token?key=${KEY}`));
    expect(error.code).toBe("network");
    expect(error.cause).toBeInstanceOf(Error);
    expect(everything(error)).not.toContain(KEY);
  });
});

describe("guardDialectCall: a dialect's own error is redacted with the session's secrets", () => {
  it("a parse error quoting a hostile answer's field name that is the key keeps no key", () => {
    const secrets = new SecretSet().add(KEY);
    let thrown: unknown;
    try {
      guardDialectCall(
        () => {
          throw new ProtocolError(`the answer has no "websocketUrl"; its fields: ${KEY}, id`, { dialect: "acme", fatal: true });
        },
        { secrets, dialect: "acme", step: "bootstrap response" },
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProtocolError);
    expect(everything(thrown)).not.toContain(KEY);
    expect((thrown as Error).message).toContain("its fields: [redacted], id");
  });
});
