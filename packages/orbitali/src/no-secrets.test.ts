import { connect, type InboundEvent, VoxwireError, type WebSocketConstructor, type WebSocketLike } from "@voxwire/core";
import { recordingLogger } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import type { OrbitaliSession } from "./bootstrap.js";
import { createOrbitaliCodec } from "./client-codec.js";
import { orbitali } from "./orbitali.js";
import { createOrbitaliSession } from "./server/create-session.js";
import { createOrbitaliSessionRoute } from "./server/session-route.js";

const KEY = "orb_live_Zq8sVx2mKp4";
const TOKEN = "tok_7HfR2kLmQ9xWv3";
const URL_ = `wss://agent.orbitali.ai/ws/agents/agent-1?token=${TOKEN}`;
const SECRETS = [KEY, TOKEN, URL_, encodeURIComponent(URL_)];

const session = (change: Partial<Record<keyof OrbitaliSession, unknown>> = {}): OrbitaliSession =>
  ({
    token: TOKEN,
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    websocketUrl: URL_,
    protocol: { inputAudio: { encoding: "pcm16", sampleRate: 16000 }, outputAudio: { encoding: "pcm16", sampleRate: 24000 } },
    ...change,
  }) as OrbitaliSession;

function expectClean(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

async function caught(run: () => unknown): Promise<VoxwireError> {
  try {
    await run();
  } catch (error) {
    if (VoxwireError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a VoxwireError");
}

/** A socket that never opens: it fails with an error event that quotes the URL, then closes 1006. */
class FailingSocket implements WebSocketLike {
  readyState = 0;
  bufferedAmount = 0;
  protocol = "";
  binaryType = "arraybuffer";
  onopen: WebSocketLike["onopen"] = null;
  onmessage: WebSocketLike["onmessage"] = null;
  onclose: WebSocketLike["onclose"] = null;
  onerror: WebSocketLike["onerror"] = null;
  constructor(url: string) {
    queueMicrotask(() => {
      this.onerror?.({ message: `getaddrinfo ENOTFOUND for ${url}` });
      this.readyState = 3;
      this.onclose?.({ code: 1006, reason: "" });
    });
  }
  send(): void {}
  close(): void {}
}

describe("no secret in any error, event or log line", () => {
  it("factory and plan errors", async () => {
    const errors = [
      await caught(() => orbitali({ session: session({ expiresAt: `${TOKEN}` }) })),
      await caught(() => orbitali({ session: session({ websocketUrl: `https://x/${TOKEN}` }) })),
      await caught(() =>
        orbitali({
          session: session({
            protocol: { inputAudio: { encoding: TOKEN, sampleRate: 16000 }, outputAudio: { encoding: "pcm16", sampleRate: 24000 } },
          }),
        }),
      ),
      await caught(() => orbitali({ apiKey: `${KEY} `, agentId: "a" })),
      await caught(() => orbitali({ apiKey: KEY, agentId: "a" }).prepare({ runtime: "browser", now: 0 })),
    ];
    for (const error of errors) {
      expectClean(error.message);
      expectClean(JSON.stringify(error));
    }
  });

  it("the server helper and the route", async () => {
    const echo = (async () => new Response(`refused Bearer ${KEY} (key ${KEY})`, { status: 403 })) as typeof fetch;
    const error = await caught(() => createOrbitaliSession({ apiKey: KEY, agentId: "a", fetch: echo }));
    expectClean(error.message);
    expectClean(JSON.stringify(error));
    const route = createOrbitaliSessionRoute({ apiKey: KEY, agentId: "a", fetch: echo });
    expectClean(await (await route.fetch(new Request("http://app.test/", { method: "POST" }))).text());
  });

  it("connect(): a socket that never opens, and the logger", async () => {
    const lines: string[] = [];
    const logger = recordingLogger(lines);
    const error = await caught(() =>
      connect(orbitali({ session: session() }), { WebSocket: FailingSocket as unknown as WebSocketConstructor, logger }),
    );
    expect(error.code).toBe("network");
    expectClean(error.message);
    expectClean(String(error.cause ?? ""));
    for (const line of lines) expectClean(line);
  });

  it("a token refusal's events carry no secret", () => {
    const events: InboundEvent[] = createOrbitaliCodec({
      url: URL_,
      audio: { outbound: { encoding: "pcm16", sampleRate: 16000 }, inbound: { encoding: "pcm16", sampleRate: 24000 } },
      secrets: [TOKEN],
    }).close(4401, "token_expired");
    for (const event of events) expectClean(JSON.stringify(event, (k, v) => (k === "error" ? String(v) : v)));
  });

  it("an output_audio whose encoding echoes the token is reported without any part of it", () => {
    const codec = createOrbitaliCodec({
      url: URL_,
      audio: { outbound: { encoding: "pcm16", sampleRate: 16000 }, inbound: { encoding: "pcm16", sampleRate: 24000 } },
      secrets: [TOKEN],
    });
    const [event] = codec.decode(JSON.stringify({ type: "output_audio", audio: "AAAA", encoding: `${TOKEN}${TOKEN}`, sampleRate: 24000 }));
    expect(event).toMatchObject({ type: "error", code: "invalid_audio" });
    const message = (event as { message: string }).message;
    // The quote is cut at 32 characters: cutting before redacting kept all but the token's last characters.
    for (let n = 8; n <= TOKEN.length; n++) expect(message).not.toContain(TOKEN.slice(0, n));
  });
});
