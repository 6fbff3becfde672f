import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { VoxwireError } from "@voxwire/core";
import { everything } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { type TwilioRestOptions, twilioHangupHook, twilioTransferHook, updateCall } from "../index.js";

const ACCOUNT = "AC11111111111111111111111111111111";
const TOKEN = "s3cr3t-auth-t0ken-value";
const CALL = "CA22222222222222222222222222222222";

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
}

/** A local stand-in for api.twilio.com that records requests and answers as told. */
async function fakeTwilioRest(
  answer: (req: IncomingMessage, res: ServerResponse) => void = (_q, s) =>
    s.writeHead(200, { "content-type": "application/json" }).end('{"sid":"CA"}'),
) {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    seen.push({
      method: req.method!,
      url: req.url!,
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      form: new URLSearchParams(body),
    });
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const rest: TwilioRestOptions = { accountSid: ACCOUNT, authToken: TOKEN, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  servers.push(close);
  return { seen, rest };
}

const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of servers.splice(0)) await close();
});

const context = { callSid: CALL, accountSid: ACCOUNT, streamSid: "MZ1", customParameters: {} };

describe("Twilio REST call control", () => {
  it("transfer: POST …/Calls/{CallSid}.json with Basic auth and Twiml=<Dial>", async () => {
    const { seen, rest } = await fakeTwilioRest();
    await twilioTransferHook(rest, { to: "+15550001111" })({ ...context, reason: "human please" });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Calls/${CALL}.json`);
    expect(request!.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString("base64")}`);
    expect(request!.contentType).toBe("application/x-www-form-urlencoded");
    expect(request!.form.get("Twiml")).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Number>+15550001111</Number></Dial></Response>');
  });

  it("transfer to the agent's own target only when allowed; or to a TwiML URL", async () => {
    const { seen, rest } = await fakeTwilioRest();
    await twilioTransferHook(rest, { to: "+1000", allowAgentTarget: true })({ ...context, target: "sip:desk@example.com" });
    expect(seen[0]!.form.get("Twiml")).toContain("<Sip>sip:desk@example.com</Sip>");
    await twilioTransferHook(rest, { to: "+1000" })({ ...context, target: "+1999" });
    expect(seen[1]!.form.get("Twiml")).toContain("<Number>+1000</Number>");
    await twilioTransferHook(rest, { url: "https://example.com/queue" })(context);
    expect(Object.fromEntries(seen[2]!.form)).toEqual({ Url: "https://example.com/queue", Method: "POST" });
    expect(() => twilioTransferHook(rest, {})).toThrow(/needs a target/);
  });

  it("hang-up: Status=completed; an API key authenticates in place of the account SID", async () => {
    const { seen, rest } = await fakeTwilioRest();
    await twilioHangupHook({ ...rest, apiKeySid: "SK33333333333333333333333333333333" })({ ...context, reason: "agent-ended" });
    expect(Object.fromEntries(seen[0]!.form)).toEqual({ Status: "completed" });
    expect(seen[0]!.url).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Calls/${CALL}.json`);
    expect(seen[0]!.authorization).toBe(`Basic ${Buffer.from(`SK33333333333333333333333333333333:${TOKEN}`).toString("base64")}`);
  });

  it("a refusal is a typed error that never holds the token, even when Twilio echoes it", async () => {
    const { rest } = await fakeTwilioRest((req, res) =>
      res
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ code: 20003, message: `Authenticate ${req.headers.authorization} ${TOKEN}` })),
    );
    const error = await updateCall(rest, CALL, { Status: "completed" }).catch((e: unknown) => e);
    expect(VoxwireError.isInstance(error)).toBe(true);
    expect((error as VoxwireError).code).toBe("auth_failed");
    const text = everything(error);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(Buffer.from(`${ACCOUNT}:${TOKEN}`).toString("base64"));
  });

  it("unreachable, slow and malformed: typed errors without secrets", async () => {
    const dead = await updateCall({ accountSid: ACCOUNT, authToken: TOKEN, baseUrl: "http://127.0.0.1:1" }, CALL, { Status: "completed" }).catch(
      (e: unknown) => e,
    );
    expect((dead as VoxwireError).code).toBe("network");
    expect(everything(dead)).not.toContain(TOKEN);

    const { rest } = await fakeTwilioRest(() => {}); // never answers
    const slow = await updateCall({ ...rest, timeoutMs: 50 }, CALL, { Status: "completed" }).catch((e: unknown) => e);
    expect((slow as VoxwireError).code).toBe("timeout");

    await expect(updateCall(rest, "CA/../../x", {})).rejects.toThrow(/callSid/);
    await expect(updateCall({ ...rest, accountSid: "nope/../" }, CALL, {})).rejects.toThrow(/accountSid/);
    const missing = await updateCall({ ...rest, authToken: "" }, CALL, {}).catch((e: unknown) => e);
    expect((missing as VoxwireError).code).toBe("invalid_config");
  });
});
