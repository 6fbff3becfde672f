import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { VoxwireError } from "@voxwire/core";
import { everything } from "@voxwire/test-utils";
import { twilioSignature } from "@voxwire/twilio";
import { afterEach, describe, expect, it } from "vitest";
import { signalwire, signalwireCarrier, signalwireHangupHook, updateSignalWireCall } from "./index.js";

const KEY = "PSK_signing_key_value";
const TOKEN = "PT_api_token_value";
const PROJECT = "b3877c40-da60-4998-90ad-b792e98472af";
const CALL = "a3f6e2c4-9b3e-4c7e-8f51-2d1e0c9b7a66";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe("the SignalWire preset", () => {
  it("is the Twilio wire under SignalWire's name", () => {
    expect(signalwire()).toMatchObject({ name: "signalwire", role: "server", capabilities: { clearOut: true, marks: true, dtmfIn: true } });
  });

  it("checks X-SignalWire-Signature (Twilio's scheme, the signing key) on the webhook and the upgrade", () => {
    const leg = signalwireCarrier({ signingKey: KEY });
    const form = new URLSearchParams({ CallSid: CALL, From: "+15551234567" });
    const url = "https://a.example/signalwire/answer";
    const request = (headers: Record<string, string>) => ({ url, method: "POST", headers, body: form.toString(), form });
    expect(leg.verify!(request({ "x-signalwire-signature": twilioSignature(KEY, url, form) }), "webhook")).toBe(true);
    expect(leg.verify!(request({ "x-twilio-signature": twilioSignature(KEY, url, form) }), "webhook")).toBe(true);
    expect(leg.verify!(request({ "x-signalwire-signature": twilioSignature("other", url, form) }), "webhook")).toBe(false);
    expect(leg.answer!({ streamUrl: "wss://a.example/signalwire/media", fields: form }).body).toContain(
      '<Connect><Stream url="wss://a.example/signalwire/media"/></Connect>',
    );
  });

  it("hangs up through the Compatibility API with Basic auth; a refusal holds no credential", async () => {
    const seen: string[] = [];
    let status = 200;
    const server = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      seen.push(`${req.method} ${req.url} ${body} ${req.headers.authorization === `Basic ${Buffer.from(`${PROJECT}:${TOKEN}`).toString("base64")}`}`);
      res.writeHead(status).end(status >= 400 ? `bad ${req.headers.authorization}` : "{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const rest = { space: "example", projectId: PROJECT, apiToken: TOKEN, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    await signalwireHangupHook(rest)({ callSid: CALL, accountSid: "", streamSid: "", customParameters: {}, reason: "agent-ended" });
    expect(seen).toEqual([`POST /api/laml/2010-04-01/Accounts/${PROJECT}/Calls/${CALL}.json Status=completed true`]);
    status = 401;
    const error = await updateSignalWireCall(rest, CALL, { Status: "completed" }).catch((e: unknown) => e);
    expect(VoxwireError.isInstance(error) && error.code).toBe("auth_failed");
    expect(everything(error)).not.toContain(TOKEN);
  });
});
