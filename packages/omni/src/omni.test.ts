import { ConfigError, type DialectEnv, type VoxwireError } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { type OmniOptions, omni } from "./index.js";

const KEY = "pyai_test_abc123XYZ";
const NODE: DialectEnv = { runtime: "node", now: 0 };
const BROWSER: DialectEnv = { runtime: "browser", now: 0 };
const WORKER: DialectEnv = { runtime: "worker", now: 0 };

function planOf(options: OmniOptions, env: DialectEnv = NODE) {
  const preparation = omni(options).prepare(env);
  if (preparation.kind !== "plan") throw new Error("omni has no bootstrap");
  return preparation.plan;
}

/** Runs `fn`, expects a ConfigError, and returns it. */
function configError(fn: () => unknown): VoxwireError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as VoxwireError;
  }
  throw new Error("expected a ConfigError");
}

describe("omni() connect plan", () => {
  it("dials the documented URL with the key as the pyai-key subprotocol", () => {
    const plan = planOf({ agentId: "agent_123", apiKey: KEY, rate: 24000 });
    expect(plan.url).toBe("wss://api.pyai.com/v1/omni?agent_id=agent_123&format=pcm16&rate=24000");
    expect(plan.protocols).toEqual([`pyai-key.${KEY}`]);
    expect(plan.headers).toBeUndefined();
  });

  it("declares PCM16 at the chosen rate in 20 ms frames both ways", () => {
    for (const rate of [8000, 16000, 24000] as const) {
      const plan = planOf({ agentId: "agent_123", apiKey: KEY, rate });
      const format = { encoding: "pcm16", sampleRate: rate, frameMs: 20 };
      expect(plan.audio).toEqual({ outbound: format, inbound: format });
      expect(plan.url).toContain(`rate=${rate}`);
    }
  });

  it("lists the key and the whole subprotocol value as secrets", () => {
    const plan = planOf({ agentId: "agent_123", apiKey: KEY, rate: 16000 });
    expect(plan.secrets).toEqual(expect.arrayContaining([KEY, `pyai-key.${KEY}`]));
  });

  it("takes another base URL for a simulator, mapping http to ws", () => {
    expect(planOf({ agentId: "a1", apiKey: KEY, rate: 8000, baseUrl: "http://127.0.0.1:4000" }).url).toBe(
      "ws://127.0.0.1:4000/v1/omni?agent_id=a1&format=pcm16&rate=8000",
    );
    expect(planOf({ agentId: "a1", apiKey: KEY, rate: 8000, baseUrl: "wss://eu.example.test/base/" }).url).toBe(
      "wss://eu.example.test/base/v1/omni?agent_id=a1&format=pcm16&rate=8000",
    );
  });

  it("declares what Omni can carry", () => {
    const caps = omni({ agentId: "a1", apiKey: KEY, rate: 8000 }).capabilities;
    expect(caps).toMatchObject({ bargeIn: true, dtmfIn: true, dtmfOut: true, transfer: true, transcripts: true, marks: false, bootstrap: false });
  });
});

describe("omni() refuses options that cannot work, before any I/O", () => {
  it("refuses a malformed agent id", () => {
    for (const agentId of ["", "agent 1", "a/b", "a&rate=8000", "x".repeat(129), 42]) {
      const error = configError(() => omni({ agentId, apiKey: KEY, rate: 24000 } as unknown as OmniOptions));
      expect(error.vendorCode).toBe("invalid_agent_id");
    }
  });

  it("refuses a key that is not an RFC 7230 token, without echoing it", () => {
    for (const apiKey of ["abc/def", "abc==", "has space", 'quote"d', "colon:key", "ünï"]) {
      const error = configError(() => omni({ agentId: "a1", apiKey, rate: 24000 }));
      expect(error.message).toContain("RFC 7230");
      expect(error.message).not.toContain(apiKey);
    }
  });

  it("needs exactly one credential", () => {
    configError(() => omni({ agentId: "a1", rate: 24000 }));
    configError(() => omni({ agentId: "a1", apiKey: "", rate: 24000 }));
    expect(configError(() => omni({ agentId: "a1", apiKey: KEY, token: "tok_abcdef", rate: 24000 })).message).toContain("not both");
  });

  it("refuses a rate the URL cannot declare", () => {
    for (const rate of [44100, 48000, 0, "24000"]) {
      configError(() => omni({ agentId: "a1", apiKey: KEY, rate } as unknown as OmniOptions));
    }
  });

  it("refuses a base URL that is not ws(s) or http(s), or carries credentials", () => {
    for (const baseUrl of ["ftp://x", "not a url", "wss://u:p@host", "wss://host/?x=1"]) {
      configError(() => omni({ agentId: "a1", apiKey: KEY, rate: 24000, baseUrl }));
    }
  });

  it("refuses a non-object", () => {
    configError(() => omni(undefined as unknown as OmniOptions));
  });
});

describe("omni().prepare(env) in a browser", () => {
  const live = "pyai_live_SECRETsecret123";

  it("refuses a pyai_live_ key in a browser or worker, explaining publishable tokens", () => {
    for (const env of [BROWSER, WORKER]) {
      for (const options of [{ apiKey: live }, { token: live }]) {
        const error = configError(() => omni({ agentId: "a1", rate: 24000, ...options }).prepare(env));
        expect(error.message).toMatch(/publishable token/);
        expect(error.message).toMatch(/allow-listed/);
        expect(error.message).not.toContain(live);
        expect(JSON.stringify(error)).not.toContain(live);
      }
    }
  });

  it("allows a pyai_live_ key on a server, and sandbox keys or tokens in a browser", () => {
    expect(planOf({ agentId: "a1", apiKey: live, rate: 8000 }, NODE).protocols).toEqual([`pyai-key.${live}`]);
    expect(planOf({ agentId: "a1", apiKey: KEY, rate: 24000 }, BROWSER).protocols).toEqual([`pyai-key.${KEY}`]);
    expect(planOf({ agentId: "a1", token: "pub_tok_123abc", rate: 24000 }, BROWSER).protocols).toEqual(["pyai-key.pub_tok_123abc"]);
  });
});
