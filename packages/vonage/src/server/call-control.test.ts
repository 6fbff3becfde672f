import { generateKeyPairSync, verify } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { VoxwireError } from "@voxwire/core";
import { everything } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { updateVonageCall, vonageHangupHook, vonageTransferHook } from "../index.js";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PEM = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const APP = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab";
const CALL = "63f61863-4a51-4f6b-86e1-46edebcf9356";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function fakeVonage(status = 204) {
  const seen: { method: string; url: string; authorization: string; body: string }[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method!, url: req.url!, authorization: String(req.headers.authorization), body });
    res.writeHead(status, { "content-type": "application/json" }).end(status >= 400 ? `{"title":"bad ${req.headers.authorization}"}` : "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { seen, rest: { applicationId: APP, privateKey: PEM, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } };
}

const context = { callSid: CALL, accountSid: "", streamSid: "", customParameters: {} };

describe("Vonage Voice API call control", () => {
  it("PUT /v1/calls/{uuid} with an RS256 application JWT: hangup, and transfer to an NCCO", async () => {
    const { seen, rest } = await fakeVonage();
    await vonageHangupHook(rest)({ ...context, reason: "agent-ended" });
    await vonageTransferHook(rest, { to: "447700900001" })(context);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([`PUT /v1/calls/${CALL}`, `PUT /v1/calls/${CALL}`]);
    expect(JSON.parse(seen[0]!.body)).toEqual({ action: "hangup" });
    expect(JSON.parse(seen[1]!.body)).toEqual({
      action: "transfer",
      destination: { type: "ncco", ncco: [{ action: "connect", endpoint: [{ type: "phone", number: "447700900001" }] }] },
    });
    const [head, claims, sig] = seen[0]!.authorization.replace("Bearer ", "").split(".") as [string, string, string];
    expect(verify("sha256", Buffer.from(`${head}.${claims}`), publicKey, Buffer.from(sig, "base64url"))).toBe(true);
    expect(JSON.parse(Buffer.from(claims, "base64url").toString())).toMatchObject({ application_id: APP });
  });

  it("a refusal is a typed error holding neither the JWT nor the key", async () => {
    const { rest } = await fakeVonage(401);
    const error = await updateVonageCall(rest, CALL, { action: "hangup" }).catch((e: unknown) => e);
    expect(VoxwireError.isInstance(error) && error.code).toBe("auth_failed");
    expect(everything(error)).not.toMatch(/Bearer ey/);
    expect(everything(error)).not.toContain("PRIVATE KEY");
  });
});
