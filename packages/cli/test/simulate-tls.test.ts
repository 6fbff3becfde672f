// `voxwire simulate openai --tls`: the https listener's URL and the certificate file on their own
// lines after the usual one; the certificate makes the wss: socket trusted.
import { existsSync, readFileSync } from "node:fs";
import { captureIo, eventually } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { main } from "../src/main.js";

describe("voxwire simulate --tls", () => {
  it("prints listening http…, listening https…, certificate PATH; the wss: listener speaks the dialect", async () => {
    const stop = new AbortController();
    const cli = captureIo({ signal: stop.signal });
    const exit = main(["simulate", "openai", "--port", "0", "--fast", "--tls", "--key", "K1", "--quiet"], cli.io);
    await eventually(() => cli.stdout().split("\n").length >= 4, "three lines");
    const [plain, secure, certificate] = cli.stdout().split("\n");
    expect(plain).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
    expect(secure).toMatch(/^listening https:\/\/127\.0\.0\.1:\d+$/);
    expect(certificate).toMatch(/^certificate \/.+\.pem$/);
    const path = certificate!.slice("certificate ".length);

    const url = `${secure!.replace("listening https", "wss")}/v1/realtime?model=gpt-realtime`;
    const socket = new WebSocket(url, { ca: readFileSync(path), headers: { Authorization: "Bearer K1" } });
    const messages: string[] = [];
    socket.on("message", (data) => messages.push(JSON.parse(data.toString()).type));
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    socket.send(JSON.stringify({ type: "session.update", session: { type: "realtime" } }));
    await eventually(() => messages.includes("session.updated"), "session.updated over wss:");
    socket.close();
    stop.abort();
    expect(await exit).toBe(0);
    expect(existsSync(path)).toBe(false);
  });
});
