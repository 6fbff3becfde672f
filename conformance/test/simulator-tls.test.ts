// The simulator's `tls` listener: the same front behind a self-signed certificate made at start,
// trusted through the PEM file it writes, and gone when the simulator closes.
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { get } from "node:https";
import type { PeerCodec, WireFrame } from "@voxwire/core";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type Simulator, startSimulator } from "../src/simulator/start-simulator.js";
import type { VendorFront } from "../src/simulator/vendor-front.js";

const codec: PeerCodec = { encode: () => [], decode: (frame: WireFrame) => [{ type: "passthrough", name: "client", payload: {}, raw: frame }] };
const front: VendorFront = {
  dialect: "tls-test",
  http(req, res) {
    if (req.url !== "/hello") return false;
    res.end("hello");
    return true;
  },
  upgrade: () => ({ type: "accept", connection: { codec, rates: { user: 16000, agent: 16000 }, ids: {} } }),
};

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe("startSimulator({ tls: true })", () => {
  it("serves https and wss on a second port with a certificate for 127.0.0.1, trusted from its file", async () => {
    sim = await startSimulator({ front, fast: true, tls: true });
    expect(sim.tlsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.tlsWsUrl).toBe(sim.tlsUrl!.replace("https:", "wss:"));
    const ca = readFileSync(sim.certificatePath!, "utf8");
    expect(new X509Certificate(ca).checkIP("127.0.0.1")).toBe("127.0.0.1");

    const body = await new Promise<string>((resolve, reject) => {
      get(`${sim!.tlsUrl}/hello`, { ca }, (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve(text));
      }).on("error", reject);
    });
    expect(body).toBe("hello");

    const socket = new WebSocket(`${sim.tlsWsUrl}/any`, { ca });
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    socket.send("hi");
    for (let i = 0; i < 200 && sim.sessions()[0]?.received.textFrames !== 1; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sim.sessions()[0]!.received.textFrames).toBe(1);
    socket.close();
  });

  it("refuses a client that does not trust the certificate, and removes the file on close", async () => {
    sim = await startSimulator({ front, fast: true, tls: true });
    const path = sim.certificatePath!;
    const socket = new WebSocket(`${sim.tlsWsUrl}/any`);
    const failure = await new Promise<string>((resolve) => socket.once("error", (error) => resolve(error.message)));
    expect(failure).toMatch(/self[- ]signed|certificate/i);
    await sim.close();
    expect(existsSync(path)).toBe(false);
  });

  it("is off unless asked for", async () => {
    sim = await startSimulator({ front, fast: true });
    expect([sim.tlsUrl, sim.certificatePath]).toEqual([undefined, undefined]);
  });
});
