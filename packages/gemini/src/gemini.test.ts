import type { ConnectPlan, DialectEnv } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { gemini } from "./gemini.js";

const node: DialectEnv = { runtime: "node", now: 0 };
const browser: DialectEnv = { runtime: "browser", now: 0 };
const KEY = "AIzaSyTestKey_0123456789";
const TOKEN = "auth_tokens/abc123-def";

function planOf(options: Parameters<typeof gemini>[0], env = node): ConnectPlan {
  const preparation = gemini(options).prepare(env);
  if (preparation.kind !== "plan") throw new Error("expected a plan");
  return preparation.plan;
}

/** The message of what `run` throws, with the key checked absent. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain(KEY);
    expect(message).not.toContain("abc123");
    return message;
  }
  throw new Error("expected a refusal");
}

describe("gemini()", () => {
  it("dials BidiGenerateContent with the key in the query, 16 kHz up and 24 kHz down", () => {
    const plan = planOf({ apiKey: KEY, model: "gemini-live-2.5-flash-preview" });
    expect(plan.url).toBe(
      `wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent?key=${KEY}`,
    );
    expect(plan.audio).toEqual({
      outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 },
      inbound: { encoding: "pcm16", sampleRate: 24000 },
    });
    expect(plan.secrets).toEqual([KEY]);
    expect(plan.headers).toBeUndefined();
  });

  it("dials the constrained method with an ephemeral token, v1alpha by default, in a browser too", () => {
    const plan = planOf({ token: TOKEN, model: "m" }, browser);
    expect(plan.url).toBe(
      `wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContentConstrained?access_token=${TOKEN}`,
    );
    expect(plan.secrets).toEqual([TOKEN]);
  });

  it("takes an http(s) base URL (the SDK's baseUrl) and maps it to ws(s), without a trailing slash", () => {
    expect(planOf({ apiKey: KEY, model: "m", baseUrl: "http://127.0.0.1:9000/" }).url).toMatch(/^ws:\/\/127\.0\.0\.1:9000\/ws\/google/);
    expect(planOf({ apiKey: KEY, model: "m", baseUrl: "https://proxy.example/gemini", apiVersion: "v1alpha" }).url).toMatch(
      /^wss:\/\/proxy\.example\/gemini\/ws\/google\.ai\.generativelanguage\.v1alpha\.GenerativeService\.BidiGenerateContent\?key=/,
    );
  });

  it("refuses an API key in a browser, pointing at the token route", () => {
    expect(refusal(() => gemini({ apiKey: KEY, model: "m" }).prepare(browser))).toMatch(/createGeminiTokenRoute/);
  });

  it("refuses what can never work before any I/O, never quoting the credential", () => {
    expect(refusal(() => gemini({ model: "m" } as never))).toMatch(/apiKey .* or an ephemeral token/);
    expect(refusal(() => gemini({ apiKey: KEY, token: TOKEN, model: "m" } as never))).toMatch(/not both/);
    expect(refusal(() => gemini({ apiKey: TOKEN, model: "m" }))).toMatch(/pass it as token/);
    expect(refusal(() => gemini({ token: "abc123", model: "m" }))).toMatch(/auth_tokens\//);
    expect(refusal(() => gemini({ apiKey: `${KEY} x`, model: "m" }))).toMatch(/query/);
    expect(refusal(() => gemini({ apiKey: KEY, model: "" }))).toMatch(/model is required/);
    expect(refusal(() => gemini({ apiKey: KEY, model: "m", apiVersion: "v2" as never }))).toMatch(/apiVersion/);
    expect(refusal(() => gemini({ apiKey: KEY, model: "m", setup: { model: "other" } }))).toMatch(/model option/);
    expect(refusal(() => gemini({ apiKey: KEY, model: "m", baseUrl: `https://x.example/?key=${KEY}` }))).toMatch(/baseUrl/);
  });

  it("declares what the wire carries, and not truncation, turn ids or mid-session updates", () => {
    const { capabilities } = gemini({ apiKey: KEY, model: "m" });
    expect(capabilities).toMatchObject({ toolCalls: true, textInput: true, resumption: true, sessionConfig: true, bargeIn: true });
    expect(capabilities).toMatchObject({ truncation: false, turnIds: false, sessionUpdate: false, firstMessageAuth: false });
  });
});
