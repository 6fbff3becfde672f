// createPhoneBridgeHandler mounted on a plain http.Server that serves its own routes beside it:
// the bridge takes only its paths, a call goes through, /healthz and /readyz answer.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { bridgeMetrics, createPhoneBridgeHandler, type PhoneBridge } from "@voxwire/phone";
import { eventually } from "@voxwire/test-utils";
import { twilioCarrier } from "@voxwire/twilio";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { agentFor, dialTwilio, http, startAgent, upgrade } from "./ops-fixtures.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

describe("createPhoneBridgeHandler on the application's own http.Server", () => {
  it("serves its routes and streams, and leaves every other request and upgrade to the host", async () => {
    const sim = await startAgent(cleanups);
    const calls: PhoneBridge[] = [];
    const handler = createPhoneBridgeHandler({
      agent: agentFor(sim),
      carriers: [twilioCarrier()],
      allowUnsigned: true,
      publicUrl: "https://voice.example.app",
      phoneInactivityMs: 0,
      leadMs: 5000,
      onCall: (call) => calls.push(call),
    });
    cleanups.push(() => handler.close());
    // The host's own WebSocket route, beside the bridge's.
    const echo = new WebSocketServer({ noServer: true });
    cleanups.push(() => new Promise((resolve) => echo.close(resolve)));
    const server: Server = createServer((req, res) => {
      if (handler.handleRequest(req, res)) return;
      if (req.url === "/hello") return void res.end("hello from the app");
      res.writeHead(404).end("the app's 404");
    });
    server.on("upgrade", (req, socket, head) => {
      if (handler.handleUpgrade(req, socket, head)) return;
      if (req.url === "/app-socket") return echo.handleUpgrade(req, socket, head, (ws) => ws.on("message", (m) => ws.send(m)));
      socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    cleanups.push(() => server.closeAllConnections());
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // The host's routes are the host's.
    expect(await http("GET", `${base}/hello`)).toMatchObject({ status: 200, body: "hello from the app" });
    expect(await http("GET", `${base}/nowhere`)).toMatchObject({ status: 404, body: "the app's 404" });
    const appSocket = await upgrade(`${base.replace("http", "ws")}/app-socket`);
    expect("ws" in appSocket).toBe(true);
    if ("ws" in appSocket) appSocket.ws.close();
    expect(await upgrade(`${base.replace("http", "ws")}/nowhere`)).toMatchObject({ status: 404 });

    // The bridge's: the answer document, the probes, and a call on the stream path.
    const answer = await http("POST", `${base}/twilio/answer`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<Stream url="wss://voice.example.app/twilio/media"');
    const health = await http("GET", `${base}/healthz`);
    expect(health).toMatchObject({ status: 200 });
    expect(health.headers["content-type"]).toMatch(/application\/json/);
    expect(JSON.parse(health.body)).toEqual({ status: "live" });
    expect(JSON.parse((await http("GET", `${base}/readyz`)).body)).toEqual({
      status: "ready",
      ready: true,
      draining: false,
      liveCalls: 0,
      maxCalls: null,
    });

    const call = dialTwilio(`${base.replace("http", "ws")}/twilio/media`, cleanups);
    await call.opened;
    await eventually(() => call.record.received.audioMs > 0, "agent audio at the carrier");
    expect(handler.calls()).toHaveLength(1);
    expect(JSON.parse((await http("GET", `${base}/readyz`)).body)).toMatchObject({ ready: true, liveCalls: 1 });
    await call.stop();
    expect(await calls[0]!.ended).toMatchObject({ reason: "caller-hung-up" });
  }, 20_000);

  it("takes extra routes by exact path; refuses one that is a carrier's", async () => {
    const sim = await startAgent(cleanups);
    const options = { agent: agentFor(sim), carriers: [twilioCarrier()], allowUnsigned: true, logger: undefined };
    const handler = createPhoneBridgeHandler({ ...options, routes: { "/status": (_req, res) => void res.end("ok") }, healthRoutes: false });
    cleanups.push(() => handler.close());
    const server = createServer((req, res) => {
      if (!handler.handleRequest(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await http("GET", `${base}/status`)).toMatchObject({ status: 200, body: "ok" });
    expect((await http("GET", `${base}/healthz`)).status).toBe(404); // healthRoutes: false
    expect(() => createPhoneBridgeHandler({ ...options, routes: { "/twilio/media": () => {} } })).toThrow(/carrier's path/);
  });

  it("serves /metrics in Prometheus' text format when the bridge reports into metrics", async () => {
    const sim = await startAgent(cleanups);
    const metrics = bridgeMetrics({ registry: new Registry(), eventLoopDelay: false });
    const handler = createPhoneBridgeHandler({
      agent: agentFor(sim),
      carriers: [twilioCarrier()],
      allowUnsigned: true,
      publicUrl: "https://voice.example.app",
      phoneInactivityMs: 0,
      metrics,
    });
    cleanups.push(() => handler.close());
    const server: Server = createServer((req, res) => {
      if (!handler.handleRequest(req, res)) res.writeHead(404).end();
    });
    server.on("upgrade", (req, socket, head) => {
      if (!handler.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    cleanups.push(() => server.closeAllConnections());
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const call = dialTwilio(`${base.replace("http", "ws")}/twilio/media`, cleanups);
    await call.opened;
    await eventually(() => handler.calls().length === 1, "the call is live");
    const scrape = await http("GET", `${base}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers["content-type"]).toMatch(/text\/plain/);
    const value = (name: string) => Number(scrape.body.match(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m"))?.[1]);
    expect(value("voxwire_bridge_calls_live")).toBe(1);
    expect(value("voxwire_bridge_calls_started_total")).toBe(1);
  });
});
