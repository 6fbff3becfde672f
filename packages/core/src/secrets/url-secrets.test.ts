import { describe, expect, it } from "vitest";
import { redact } from "./redact.js";
import { urlSecrets } from "./url-secrets.js";

describe("urlSecrets", () => {
  it("lists the URL, credential-named query values, and long ids in the path or query", () => {
    const url = "wss://voice.example.com/calls/3f9c2a71-5e0b-4d2c-9a1e-77b0c4d2e6f1/join?apiVersion=1&t=abc123def456ghi789&key=k1&rate=48000";
    const secrets = urlSecrets(url);
    expect(secrets).toContain(url);
    expect(secrets).toContain("3f9c2a71-5e0b-4d2c-9a1e-77b0c4d2e6f1");
    expect(secrets).toContain("abc123def456ghi789");
    expect(secrets).toContain("k1");
    expect(secrets).not.toContain("48000");
    expect(secrets).not.toContain("1");
    const leaked = `could not join call 3f9c2a71-5e0b-4d2c-9a1e-77b0c4d2e6f1 (token abc123def456ghi789)`;
    expect(redact(leaked, secrets)).not.toMatch(/3f9c2a71|abc123def456ghi789/);
  });

  it("a dotted endpoint name in the path is not an id; a JWT there still is", () => {
    const method = "google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    expect(urlSecrets(`wss://host.example/ws/${method}?key=k1`)).not.toContain(method);
    expect(urlSecrets(`wss://host.example/ws/${jwt}`)).toContain(jwt);
  });

  it("a URL that does not parse is still listed whole", () => {
    expect(urlSecrets("not a url")).toEqual(["not a url"]);
  });
});
