import { ProtocolError } from "@voxwire/core";
import { everything, thrown } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { bootstrapOf, KEY, NODE, response, SOCKET_URL } from "../test/fixtures.js";
import { omnia } from "./index.js";

const dialect = omnia({ apiKey: KEY, agentId: "agent_42", inputSampleRate: 16000, outputSampleRate: 16000 });
const parse = (status: number, body: unknown) => bootstrapOf(dialect).parse(response(status, body), NODE);

describe("parsing the create-call answer", () => {
  it("takes websocketUrl from a 200 or a 201, ignoring other fields", () => {
    expect(parse(200, { websocketUrl: SOCKET_URL }).url).toBe(SOCKET_URL);
    expect(parse(201, { websocketUrl: SOCKET_URL, callId: "c1", extra: { a: 1 } }).url).toBe(SOCKET_URL);
  });

  it.each([
    ["not JSON", "<html>oops</html>", /is not JSON/],
    ["an array", "[1]", /not a JSON object/],
    ["null", "null", /not a JSON object/],
    ["no websocketUrl", { joinUrl: SOCKET_URL, callId: "c1" }, /has no "websocketUrl".*fields: joinUrl, callId/],
    ["an http URL", { websocketUrl: "https://media.test/x" }, /unusable "websocketUrl"/],
    ["a number", { websocketUrl: 42 }, /unusable "websocketUrl"/],
    ["an empty object", {}, /fields: none/],
  ])("an answer that is %s is a fatal ProtocolError", (_name, body, why) => {
    const error = thrown(() => parse(201, body)) as ProtocolError;
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.fatal).toBe(true);
    expect(error.message).toMatch(why);
    expect(error.message).toContain("[voxwire/omnia]");
  });

  it("never quotes the answer's values: they are capabilities", () => {
    const error = thrown(() => parse(201, { websocketUrl: `https://x.test/${KEY}`, token: "tok_secret_0123456789" }));
    expect(everything(error)).not.toContain(KEY);
    expect(everything(error)).not.toContain("tok_secret_0123456789");
  });
});
