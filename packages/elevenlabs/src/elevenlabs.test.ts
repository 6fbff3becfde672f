import { describe, expect, it } from "vitest";
import { elevenlabs } from "./elevenlabs.js";

const node = { runtime: "node", now: 0 } as const;
const browser = { runtime: "browser", now: 0 } as const;
const KEY = "sk_0123456789abcdef0123456789abcdef";

describe("elevenlabs(): how a conversation is authorized", () => {
  it("a public agent: its id in the query, subprotocol convai, pcm_16000 both ways, nothing secret", () => {
    const prepared = elevenlabs({ agentId: "agent_1" }).prepare(node);
    expect(prepared).toEqual({
      kind: "plan",
      plan: {
        url: "wss://api.elevenlabs.io/v1/convai/conversation?agent_id=agent_1",
        protocols: ["convai"],
        audio: {
          outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 },
          inbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 },
        },
        secrets: [],
      },
    });
    const eu = elevenlabs({ agentId: "a", baseUrl: "https://api.eu.residency.elevenlabs.io", audio: { output: "ulaw_8000" } }).prepare(node);
    expect(eu.kind === "plan" && [eu.plan.url, eu.plan.audio.inbound.encoding, eu.plan.audio.inbound.sampleRate]).toEqual([
      "wss://api.eu.residency.elevenlabs.io/v1/convai/conversation?agent_id=a",
      "mulaw",
      8000,
    ]);
  });

  it("a private agent on a server: get-signed-url with xi-api-key, then the signed URL, all of it secret", () => {
    const prepared = elevenlabs({ agentId: "agent_1&x", apiKey: KEY, baseUrl: "ws://127.0.0.1:9" }).prepare(node);
    if (prepared.kind !== "bootstrap") throw new Error("expected a bootstrap");
    expect(prepared.request).toEqual({
      method: "GET",
      url: "http://127.0.0.1:9/v1/convai/conversation/get-signed-url?agent_id=agent_1%26x",
      headers: { "xi-api-key": KEY, accept: "application/json" },
      secrets: [KEY],
    });
    const signed = "wss://api.elevenlabs.io/v1/convai/conversation?agent_id=a&conversation_signature=sig_0123456789abcdef";
    const plan = prepared.parse({ status: 200, headers: {}, body: JSON.stringify({ signed_url: signed }) }, node);
    expect(plan.url).toBe(signed);
    expect(plan.secrets).toEqual(expect.arrayContaining([KEY, signed, "sig_0123456789abcdef"]));
    for (const body of ["{}", '{"signed_url":"https://x"}', '{"signed_url":42}', "nope"]) {
      expect(() => prepared.parse({ status: 200, headers: {}, body }, node)).toThrow(expect.objectContaining({ code: "protocol_violation" }));
    }
  });

  it("an API key never reaches a page: refused there with the backend-route advice, without the key", () => {
    const dialect = elevenlabs({ agentId: "a", apiKey: KEY });
    expect(() => dialect.prepare(browser)).toThrow(/createSignedUrlRoute/);
    try {
      dialect.prepare(browser);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(KEY);
    }
  });

  it("a page POSTs to the application's route; a path only works in a page", () => {
    const dialect = elevenlabs({ signedUrlEndpoint: "/voice/signed-url", signedUrlHeaders: { "x-csrf": "t0ken-value" } });
    const prepared = dialect.prepare(browser);
    expect(prepared.kind === "bootstrap" && prepared.request).toEqual({
      method: "POST",
      url: "/voice/signed-url",
      headers: { accept: "application/json", "x-csrf": "t0ken-value" },
      secrets: ["t0ken-value"],
    });
    // The page's route is on the application's domain; the signed URL on ElevenLabs' passes the socket-host rule.
    expect(prepared.kind === "bootstrap" && prepared.socketHosts).toEqual(["api.elevenlabs.io"]);
    expect(() => dialect.prepare(node)).toThrow(/absolute URL/);
    const given = elevenlabs({ signedUrl: "wss://api.elevenlabs.io/v1/convai/conversation?agent_id=a&conversation_signature=s1234567890abcdefg" });
    expect(given.prepare(browser).kind).toBe("plan");
  });

  it("options that can never work are refused at once, without quoting a credential", () => {
    const refuse = (options: unknown, message: RegExp) => expect(() => elevenlabs(options as never)).toThrow(message);
    refuse({}, /agentId is required/);
    refuse({ agentId: "a", apiKey: KEY, signedUrl: "wss://x" }, /not apiKey and signedUrl/);
    refuse({ agentId: "a", audio: "mp3_44100" }, /audio input must be one of/);
    refuse({ signedUrl: "https://x" }, /signedUrl must be an absolute ws/);
    refuse({ agentId: "a", apiKey: "a key" }, /cannot carry/);
    refuse({ agentId: "a", sendTextAs: "shout" }, /sendTextAs/);
    refuse({ agentId: "a", baseUrl: "ftp://x" }, /baseUrl/);
    expect(() => elevenlabs({ agentId: "a" }).prepare({ ...node, agent: { language: "tlh" } })).toThrow(/no ElevenLabs language code/);
  });

  it("declares what the wire carries: bootstrap only where a signed URL is fetched", () => {
    const caps = elevenlabs({ agentId: "a" }).capabilities;
    expect(caps).toMatchObject({ bargeIn: true, transcripts: true, toolCalls: true, textInput: true, turnIds: true, sessionConfig: true });
    expect(caps).toMatchObject({ bootstrap: false, truncation: false, sessionUpdate: false, speechEvents: false, resumption: false });
    expect(elevenlabs({ agentId: "a", apiKey: KEY }).capabilities.bootstrap).toBe(true);
  });
});
