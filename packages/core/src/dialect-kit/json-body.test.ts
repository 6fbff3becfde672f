import { describe, expect, it } from "vitest";
import { readJsonObject } from "./json-body.js";

const options = { dialect: "acme", what: "the token answer (HTTP 200)", vendorCode: "bad_answer" };

describe("readJsonObject", () => {
  it("returns a JSON object", () => {
    expect(readJsonObject('{"token":"t","url":"wss://x"}', options)).toEqual({ token: "t", url: "wss://x" });
  });

  it.each([
    ['{"token":"secret-tok', "is not JSON (20 characters)"],
    ['["secret-tok"]', "is not a JSON object"],
    ["null", "is not a JSON object"],
    ['"secret-tok"', "is not a JSON object"],
  ])("%s is a fatal ProtocolError that never quotes the body", (body, why) => {
    try {
      readJsonObject(body, options);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "protocol_violation", fatal: true, vendorCode: "bad_answer", dialect: "acme" });
      expect((error as Error).message).toBe(`[voxwire/acme] the token answer (HTTP 200) ${why}`);
      expect((error as Error).message).not.toContain("secret-tok");
    }
  });
});
