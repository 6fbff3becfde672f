import { type Dialect, NO_CAPABILITIES } from "@voxwire/core";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createPhoneBridge, type PhoneBridgeServer, type PhoneBridgeServerOptions, twilioSignature } from "../index.js";

const TOKEN = "phone-server-auth-token";

/** A client dialect never dialed in these tests (no call reaches `start`). */
const unusedAgent: Dialect = {
  specVersion: 2,
  name: "unused",
  role: "client",
  capabilities: NO_CAPABILITIES,
  prepare() {
    throw new Error("not dialed in these tests");
  },
  createCodec() {
    throw new Error("not dialed in these tests");
  },
};

const servers: PhoneBridgeServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** Unsigned (explicitly) unless the test gives Twilio credentials. */
async function start(options: Partial<PhoneBridgeServerOptions> = {}): Promise<PhoneBridgeServer> {
  const server = await createPhoneBridge({ agent: unusedAgent, port: 0, ...(options.twilio ? {} : { allowUnsigned: true }), ...options });
  servers.push(server);
  return server;
}

function post(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form),
  });
}

/** Opens a WebSocket; resolves "open" or the refusal's HTTP status. */
function dial(url: string, headers: Record<string, string> = {}): Promise<{ outcome: "open"; ws: WebSocket } | { outcome: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once("open", () => resolve({ outcome: "open", ws }));
    ws.once("unexpected-response", (_req, res) => {
      resolve({ outcome: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once("error", () => {});
  });
}

describe("createPhoneBridge: the voice webhook", () => {
  it("answers POST /voice with <Connect><Stream> to the media path on the public URL, with chosen parameters", async () => {
    const server = await start({ publicUrl: "https://abc.example.app", streamParameters: (form) => ({ from: form.get("From") ?? "" }) });
    const res = await post(`${server.url}/voice`, { CallSid: "CA1", From: "+15551234567" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/xml/);
    expect(await res.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="wss://abc.example.app/media"><Parameter name="from" value="+15551234567"/></Stream></Connect></Response>',
    );
  });

  it("without a public URL, warns at start and builds the stream URL from Host and X-Forwarded-Proto", async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (line: string) => void warnings.push(line), error() {} };
    const server = await start({ paths: { voice: "/incoming", media: "/stream" }, logger });
    expect(warnings.filter((line) => line.includes("no publicUrl"))).toHaveLength(1);
    const res = await post(`${server.url}/incoming`, {}, { "x-forwarded-proto": "https", "x-forwarded-host": "tunnel.example" });
    expect(await res.text()).toContain('<Stream url="wss://tunnel.example/stream"/>');
    const plain = await post(`${server.url}/incoming`, {});
    expect(await plain.text()).toContain(`<Stream url="ws://127.0.0.1:${server.port}/stream"/>`);
    expect((await fetch(`${server.url}/voice`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${server.url}/incoming`, { method: "PUT" })).status).toBe(405);
  });

  it("validates X-Twilio-Signature when given the auth token", async () => {
    const server = await start({ publicUrl: "https://abc.example.app", twilio: { accountSid: "AC1", authToken: TOKEN } });
    const form = { CallSid: "CA1", From: "+1555" };
    const good = twilioSignature(TOKEN, "https://abc.example.app/voice", form);
    expect((await post(`${server.url}/voice`, form, { "x-twilio-signature": good })).status).toBe(200);
    expect((await post(`${server.url}/voice`, { ...form, From: "+1666" }, { "x-twilio-signature": good })).status).toBe(403);
    expect((await post(`${server.url}/voice`, form)).status).toBe(403);
    const forbidden = await post(`${server.url}/voice`, form, { "x-twilio-signature": "AAAA" });
    expect(await forbidden.text()).not.toContain(TOKEN);
  });

  it("refuses to start without the auth token, naming the option, unless allowUnsigned (then warns once)", async () => {
    const refused = createPhoneBridge({ agent: unusedAgent, port: 0 });
    await expect(refused).rejects.toMatchObject({ code: "invalid_config" });
    await expect(refused).rejects.toThrow(/twilio\.authToken.*allowUnsigned: true \(--allow-unsigned\)/);
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (line: string) => void warnings.push(line), error() {} };
    await start({ allowUnsigned: true, publicUrl: "https://abc.example.app", logger });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/allowUnsigned.*twilio.*not verified/);
    const signed = await start({ publicUrl: "https://abc.example.app", twilio: { accountSid: "AC1", authToken: TOKEN }, logger });
    expect(signed.url).toMatch(/^http:/);
    expect(warnings).toHaveLength(1); // a verified leg starts without a warning
    expect(warnings.join("\n")).not.toContain(TOKEN);
  });

  it("refuses options that cannot work", async () => {
    await expect(
      createPhoneBridge({ agent: unusedAgent, port: 0, twilio: { accountSid: "AC1", authToken: "", validateSignature: true } }),
    ).rejects.toThrow(/authToken/);
    await expect(createPhoneBridge({ agent: unusedAgent, port: 0, transfer: { to: "+1" } })).rejects.toThrow(/credentials/);
    await expect(createPhoneBridge({} as PhoneBridgeServerOptions)).rejects.toThrow(/agent/);
  });
});

describe("createPhoneBridge: the media stream", () => {
  it("checks the upgrade's signature, refuses other paths, and takes the stream", async () => {
    const server = await start({ publicUrl: "https://abc.example.app", twilio: { accountSid: "AC1", authToken: TOKEN } });
    const ws = `ws://127.0.0.1:${server.port}`;
    expect((await dial(`${ws}/media`)).outcome).toBe(403);
    expect((await dial(`${ws}/media`, { "x-twilio-signature": twilioSignature("wrong", "wss://abc.example.app/media") })).outcome).toBe(403);
    expect((await dial(`${ws}/elsewhere`)).outcome).toBe(404);
    const accepted = await dial(`${ws}/media`, { "x-twilio-signature": twilioSignature(TOKEN, "wss://abc.example.app/media") });
    expect(accepted.outcome).toBe("open");
    expect(server.calls()).toHaveLength(1);
    const call = server.calls()[0]!;
    (accepted as { ws: WebSocket }).ws.close();
    expect(await call.ended).toMatchObject({ leg: "phone" });
    expect(server.calls()).toHaveLength(0);
  });

  it("refuses streams past maxCalls", async () => {
    const server = await start({ maxCalls: 1 });
    const first = await dial(`ws://127.0.0.1:${server.port}/media`);
    expect(first.outcome).toBe("open");
    expect((await dial(`ws://127.0.0.1:${server.port}/media`)).outcome).toBe(503);
    (first as { ws: WebSocket }).ws.close();
  });

  it("a stream that goes silent is ended within phoneInactivityMs, and the call released", async () => {
    const server = await start({ phoneInactivityMs: 200 });
    const open = await dial(`ws://127.0.0.1:${server.port}/media`);
    expect(open.outcome).toBe("open");
    const ws = (open as { ws: WebSocket }).ws;
    const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    ws.send(JSON.stringify({ event: "connected", protocol: "Call", version: "1.0.0" }));
    const startedAt = Date.now();
    await closed;
    expect(Date.now() - startedAt).toBeLessThan(5000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.calls()).toHaveLength(0);
  });

  it("close() ends live calls and releases the port", async () => {
    const server = await start();
    const open = await dial(`ws://127.0.0.1:${server.port}/media`);
    expect(open.outcome).toBe("open");
    const closed = new Promise<number>((resolve) => (open as { ws: WebSocket }).ws.once("close", (code) => resolve(code)));
    await server.close();
    expect(await closed).toBeGreaterThan(0);
    expect(server.calls()).toHaveLength(0);
    await expect(fetch(`${server.url}/voice`, { method: "POST" })).rejects.toThrow();
  });
});
