import { ConfigError, type DialectEnv, type VoxwireError } from "@voxwire/core";
import { thrown } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { bootstrapOf, createdPlan, KEY, NODE, SOCKET_URL } from "../test/fixtures.js";
import { OMNIA_PRESET, type OmniaOptions, omnia } from "./index.js";

const base = { apiKey: KEY, agentId: "agent_42", inputSampleRate: 48000, outputSampleRate: 48000 };

function configError(fn: () => unknown): VoxwireError {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(ConfigError);
  return error as VoxwireError;
}

describe("omnia() create-call request", () => {
  it("POSTs the guide client's body to /api/v1/calls/create on the dashboard, with X-API-Key", () => {
    const { request } = bootstrapOf(omnia(base));
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://dashboard.omnia-voice.com/api/v1/calls/create");
    expect(request.headers["x-api-key"]).toBe(KEY);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body!)).toEqual({
      agentId: "agent_42",
      connectionType: "websocket",
      websocket: { inputSampleRate: 48000, outputSampleRate: 48000 },
    });
  });

  it("accepts 200 and 201, and lists the key as a secret", () => {
    const { request } = bootstrapOf(omnia(base));
    expect(request.okStatuses).toEqual([200, 201]);
    expect(request.secrets).toEqual([KEY]);
  });

  it("declares different input and output rates, output defaulting to input", () => {
    const body = (options: OmniaOptions) => JSON.parse(bootstrapOf(omnia(options)).request.body!).websocket;
    expect(body({ ...base, inputSampleRate: 16000, outputSampleRate: 24000 })).toEqual({ inputSampleRate: 16000, outputSampleRate: 24000 });
    expect(body({ apiKey: KEY, agentId: "a", inputSampleRate: 8000 })).toEqual({ inputSampleRate: 8000, outputSampleRate: 8000 });
  });

  it("takes another base URL (a simulator), keeping a path prefix and dropping a trailing slash", () => {
    expect(bootstrapOf(omnia({ ...base, baseUrl: "http://127.0.0.1:4100" })).request.url).toBe("http://127.0.0.1:4100/api/v1/calls/create");
    expect(bootstrapOf(omnia({ ...base, baseUrl: "https://eu.example.test/omnia/" })).request.url).toBe(
      "https://eu.example.test/omnia/api/v1/calls/create",
    );
  });

  it("makes the REST path and the URL field configurable; {agentId} is filled in, encoded", () => {
    const dialect = omnia({ ...base, agentId: "a b/c", createPath: "/v2/agents/{agentId}/calls", urlField: "joinUrl" });
    expect(bootstrapOf(dialect).request.url).toBe("https://dashboard.omnia-voice.com/v2/agents/a%20b%2Fc/calls");
    expect(createdPlan(dialect, "joinUrl").url).toBe(SOCKET_URL);
  });

  it("merges extra body fields under the documented ones", () => {
    const body = JSON.parse(bootstrapOf(omnia({ ...base, extraBody: { metadata: { ticket: 7 }, agentId: "overridden?" } })).request.body!);
    expect(body).toMatchObject({ metadata: { ticket: 7 }, agentId: "agent_42", connectionType: "websocket" });
  });

  it("declares what the wire carries", () => {
    expect(omnia(base).capabilities).toMatchObject({
      bargeIn: true,
      transcripts: true,
      transcriptDeltas: true,
      agentState: true,
      bootstrap: true,
      dtmfIn: false,
      dtmfOut: false,
      marks: false,
      clearOut: false,
    });
    expect(omnia(base).name).toBe("omnia");
    expect(omnia(base).role).toBe("client");
  });
});

describe("omnia() plan for a created call", () => {
  it("dials the returned URL with PCM16 at the created rates, 10 ms frames out (the guide client's blocks)", () => {
    const plan = createdPlan(omnia({ ...base, inputSampleRate: 16000, outputSampleRate: 44100 }));
    expect(plan.url).toBe(SOCKET_URL);
    expect(plan.audio).toEqual({
      outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 10 },
      inbound: { encoding: "pcm16", sampleRate: 44100 },
    });
    expect(plan.protocols).toBeUndefined();
    expect(plan.headers).toBeUndefined();
  });

  it("lists the key, the socket URL and its token and call id as secrets", () => {
    const plan = createdPlan(omnia(base));
    expect(plan.secrets).toEqual(expect.arrayContaining([KEY, SOCKET_URL, "tok_9f8e7d6c5b4a39281706", "3f2b9c1e-77aa-4c1d-9e55-0a1b2c3d4e5f"]));
  });

  it("joins a call a server created, without a bootstrap", () => {
    const dialect = omnia({ websocketUrl: SOCKET_URL, inputSampleRate: 24000 });
    const preparation = dialect.prepare({ runtime: "browser", now: 0 });
    expect(preparation.kind).toBe("plan");
    const plan = (preparation as { plan: { url: string; secrets: readonly string[]; audio: unknown } }).plan;
    expect(plan.url).toBe(SOCKET_URL);
    expect(plan.secrets).toContain(SOCKET_URL);
    expect(dialect.capabilities.bootstrap).toBe(false);
  });
});

describe("omnia() refuses options that cannot work, before any I/O", () => {
  it("rates must be integers from 8000 to 48000", () => {
    for (const rate of [7999, 48001, 0, -16000, 16000.5, Number.NaN, "16000", undefined]) {
      expect(configError(() => omnia({ ...base, inputSampleRate: rate } as unknown as OmniaOptions)).message).toContain("inputSampleRate");
    }
    for (const rate of [4000, 96000, "x", null]) {
      expect(configError(() => omnia({ ...base, outputSampleRate: rate } as unknown as OmniaOptions)).message).toContain("outputSampleRate");
    }
    for (const rate of [8000, 11025, 22050, 44100, 48000])
      expect(() => omnia({ ...base, inputSampleRate: rate, outputSampleRate: rate })).not.toThrow();
  });

  it("agentId must be a non-empty string", () => {
    for (const agentId of ["", "   ", "a\nb", 42, undefined, "x".repeat(257)]) {
      configError(() => omnia({ ...base, agentId } as unknown as OmniaOptions));
    }
  });

  it("the key must be a non-empty header-safe string, and is never quoted", () => {
    for (const apiKey of ["", "has space", "new\nline", "ünï", 7, undefined]) {
      const error = configError(() => omnia({ ...base, apiKey } as unknown as OmniaOptions));
      if (typeof apiKey === "string" && apiKey) expect(error.message).not.toContain(apiKey);
    }
  });

  it("baseUrl must be http(s) without credentials, query or fragment", () => {
    for (const baseUrl of ["ws://host", "wss://host", "ftp://x", "not a url", "https://u:p@host", "https://host/?x=1", "https://host/#f", 5]) {
      configError(() => omnia({ ...base, baseUrl } as unknown as OmniaOptions));
    }
  });

  it("createPath must be an absolute path; urlField a non-empty string", () => {
    for (const createPath of ["api/calls", "/a?b=1", "/a b", ""]) configError(() => omnia({ ...base, createPath }));
    for (const urlField of ["", 3]) configError(() => omnia({ ...base, urlField } as unknown as OmniaOptions));
  });

  it("clientBufferSizeMs belongs to the Ultravox body only; extraBody must be a JSON object", () => {
    configError(() => omnia({ ...base, clientBufferSizeMs: 30000 }));
    for (const extraBody of [[1], "x", null]) configError(() => omnia({ ...base, extraBody } as unknown as OmniaOptions));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    configError(() => omnia({ ...base, extraBody: cyclic }));
  });

  it("a join URL must be ws(s), and not come with a key", () => {
    for (const websocketUrl of ["https://x/y", "nope", ""]) configError(() => omnia({ websocketUrl, inputSampleRate: 16000 }));
    configError(() => omnia({ websocketUrl: SOCKET_URL, apiKey: KEY, inputSampleRate: 16000 } as unknown as OmniaOptions));
  });

  it("refuses a non-object, and a preset of the wrong shape", () => {
    configError(() => omnia(undefined as unknown as OmniaOptions));
    for (const preset of [
      {},
      { ...OMNIA_PRESET, bodyShape: "xml" },
      { ...OMNIA_PRESET, okStatuses: [404] },
      { ...OMNIA_PRESET, baseUrl: "ftp://x" },
    ]) {
      configError(() => omnia({ ...base, preset } as unknown as OmniaOptions));
    }
    const custom = { ...OMNIA_PRESET, name: "acme", baseUrl: "https://api.acme.test/", createPath: "/calls", urlField: "socket" };
    const dialect = omnia({ ...base, preset: custom });
    expect(dialect.name).toBe("acme");
    expect(bootstrapOf(dialect).request.url).toBe("https://api.acme.test/calls");
  });
});

describe("omnia().prepare(env)", () => {
  it("refuses to send the permanent key from a browser or worker, pointing at the join option", () => {
    for (const runtime of ["browser", "worker"] as const) {
      const env: DialectEnv = { runtime, now: 0 };
      const error = configError(() => omnia(base).prepare(env));
      expect(error.message).toMatch(/websocketUrl/);
      expect(error.message).not.toContain(KEY);
      expect(error.vendorCode).toBe("secret_key_in_browser");
    }
  });

  it("prepares the same request every time (the dialect holds no connection state)", () => {
    const dialect = omnia(base);
    expect(bootstrapOf(dialect, NODE).request).toEqual(bootstrapOf(dialect, { runtime: "deno", now: 5 }).request);
    expect(OMNIA_PRESET.createPath).toBe("/api/v1/calls/create");
  });
});
