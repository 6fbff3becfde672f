import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { VoxwireError } from "@voxwire/core";
import { everything } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { telnyxCallAction, telnyxHangupHook, telnyxTransferHook } from "../index.js";

const KEY = "KEY0123456789ABCDEF_secret";
const CALL = "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function fakeTelnyx(status = 200, answer = '{"data":{"result":"ok"}}') {
  const seen: { url: string; authorization: string | undefined; body: string }[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    seen.push({ url: req.url!, authorization: req.headers.authorization, body });
    res.writeHead(status, { "content-type": "application/json" }).end(answer.replace("$AUTH", String(req.headers.authorization)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { seen, rest: { apiKey: KEY, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } };
}

const context = { callSid: CALL, accountSid: "", streamSid: "S", customParameters: {}, callId: CALL };

describe("Telnyx Call Control", () => {
  it("hang-up and transfer: POST /v2/calls/{id}/actions/… with the Bearer key", async () => {
    const { seen, rest } = await fakeTelnyx();
    await telnyxHangupHook(rest)({ ...context, reason: "agent-ended" });
    await telnyxTransferHook(rest, { to: "+15550001111" })({ ...context, target: "+1999" });
    expect(seen.map((s) => s.url)).toEqual([
      `/v2/calls/${encodeURIComponent(CALL)}/actions/hangup`,
      `/v2/calls/${encodeURIComponent(CALL)}/actions/transfer`,
    ]);
    expect(seen[0]!.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(seen[1]!.body)).toEqual({ to: "+15550001111" });
  });

  it("a refusal is a typed error that never holds the key, even when echoed", async () => {
    const { rest } = await fakeTelnyx(401, '{"errors":[{"detail":"bad $AUTH"}]}');
    const error = await telnyxCallAction(rest, CALL, "hangup").catch((e: unknown) => e);
    expect(VoxwireError.isInstance(error) && error.code).toBe("auth_failed");
    expect(everything(error)).not.toContain(KEY);
    await expect(telnyxCallAction(rest, "../../etc", "hangup")).rejects.toThrow(/call_control_id/);
  });
});
