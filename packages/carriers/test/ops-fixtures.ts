// Shared by the operational tests: an Omni simulator as the agent, Twilio's simulator as the
// carrier, real sockets on 127.0.0.1.
import { type IncomingMessage, request } from "node:http";
import { DEFAULT_SIMULATOR_KEY, type Simulator, startSimulator } from "@voxwire/conformance";
import { omniSubject } from "@voxwire/omni/testing";
import { type BridgeEvent, createPhoneBridge, type PhoneBridge } from "@voxwire/phone";
import { syntheticClips } from "@voxwire/test-utils";
import { twilioCarrier } from "@voxwire/twilio";
import { simulateTwilioCall, type TwilioCall } from "@voxwire/twilio/testing";
import { WebSocket } from "ws";

export async function startAgent(cleanups: (() => unknown)[]): Promise<Simulator> {
  const sim = await startSimulator({ front: omniSubject.front!(), fast: true, clips: syntheticClips(8000) });
  cleanups.push(() => sim.close());
  return sim;
}

/** The Omni client at 8 kHz (no resampling on the phone leg). */
export function agentFor(sim: Simulator) {
  return omniSubject.client({ url: sim.url, key: DEFAULT_SIMULATOR_KEY, sampleRate: 8000 });
}

/** A Twilio call that streams silence until it is stopped. */
export function dialTwilio(url: string, cleanups: (() => unknown)[]): TwilioCall {
  const call = simulateTwilioCall({ url, fast: true, stop: "manual", tailMs: 0 });
  cleanups.push(() => call.terminate());
  return call;
}

/** Opens a WebSocket; resolves "open" or the refusal's status and headers. */
export function upgrade(url: string): Promise<{ ws: WebSocket } | { status: number; headers: IncomingMessage["headers"] }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once("open", () => resolve({ ws }));
    ws.once("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      res.resume();
      ws.terminate();
    });
    ws.once("error", () => {});
  });
}

/** A GET or POST without fetch's connection pool (a drained server closes its connections). */
export function http(method: "GET" | "POST", url: string): Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { connection: "close", "content-type": "application/x-www-form-urlencoded" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.once("error", reject);
    req.end(method === "POST" ? "CallSid=CA1" : undefined);
  });
}

/**
 * An unsigned Twilio bridge on a free port with an Omni simulator as the agent, collecting its
 * calls, every call's events and the hang-up hook's call ids; `options` override the defaults.
 */
export async function bridgeWith(cleanups: (() => unknown)[], options: Partial<Parameters<typeof createPhoneBridge>[0]> = {}) {
  const sim = await startAgent(cleanups);
  const calls: PhoneBridge[] = [];
  const events: BridgeEvent[] = [];
  const hungUp: string[] = [];
  const server = await createPhoneBridge({
    agent: agentFor(sim),
    carriers: [twilioCarrier()],
    allowUnsigned: true,
    port: 0,
    phoneInactivityMs: 0,
    leadMs: 5000,
    onHangup: (request) => void hungUp.push(request.callId ?? ""),
    onCall: (call) => {
      calls.push(call);
      call.on("*", (event) => events.push(event));
    },
    ...options,
  });
  cleanups.push(() => server.close());
  return { sim, server, calls, events, hungUp, media: `${server.url.replace("http", "ws")}/twilio/media` };
}
