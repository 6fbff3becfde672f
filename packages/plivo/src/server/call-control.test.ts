import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { VoxwireError } from "@voxwire/core";
import { everything } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { plivoCallRequest, plivoHangupHook, plivoTransferHook } from "../index.js";

const AUTH_ID = "MAXXXXXXXXXXXXXXXXXX";
const TOKEN = "plivo-secret-token-value";
const CALL = "ba93e8f5-0b3e-4a0b-bbc2-6b7a8c0d1e2f";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function fakePlivo(status = 204) {
  const seen: { method: string; url: string; authorization: string | undefined; body: string }[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body });
    res.writeHead(status, { "content-type": "application/json" }).end(status >= 400 ? `{"error":"bad ${req.headers.authorization}"}` : "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { seen, rest: { authId: AUTH_ID, authToken: TOKEN, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } };
}

const context = { callSid: CALL, accountSid: AUTH_ID, streamSid: "S", customParameters: {} };

describe("Plivo REST call control", () => {
  it("hang-up is DELETE on the call; transfer POSTs legs=aleg with the XML URL; Basic auth", async () => {
    const { seen, rest } = await fakePlivo();
    await plivoHangupHook(rest)({ ...context, reason: "agent-ended" });
    await plivoTransferHook(rest, { url: "https://a.example/transfer.xml" })(context);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      `DELETE /v1/Account/${AUTH_ID}/Call/${CALL}/`,
      `POST /v1/Account/${AUTH_ID}/Call/${CALL}/`,
    ]);
    expect(seen[0]!.authorization).toBe(`Basic ${Buffer.from(`${AUTH_ID}:${TOKEN}`).toString("base64")}`);
    expect(JSON.parse(seen[1]!.body)).toEqual({ legs: "aleg", aleg_url: "https://a.example/transfer.xml", aleg_method: "POST" });
  });

  it("a refusal is a typed error without the token or the Basic value", async () => {
    const { rest } = await fakePlivo(401);
    const error = await plivoCallRequest(rest, CALL, "DELETE").catch((e: unknown) => e);
    expect(VoxwireError.isInstance(error) && error.code).toBe("auth_failed");
    expect(everything(error)).not.toContain(TOKEN);
    expect(everything(error)).not.toContain(Buffer.from(`${AUTH_ID}:${TOKEN}`).toString("base64"));
  });
});
