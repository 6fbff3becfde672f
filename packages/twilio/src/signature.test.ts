import { describe, expect, it } from "vitest";
import { twilioSignature, validateTwilioSignature } from "./index.js";

// Twilio's own published example (TwilioDevEd/api-snippets, security/signature_validation).
const TOKEN = "12345";
const URL_ = "https://mycompany.com/myapp.php?foo=1&bar=2";
const PARAMS = { CallSid: "CA1234567890ABCDE", Caller: "+14158675310", Digits: "1234", From: "+14158675310", To: "+18005551212" };
const EXPECTED = "GvWf1cFY/Q7PnoempGyD5oXAezc=";

describe("X-Twilio-Signature", () => {
  it("matches Twilio's published example, from an object or a form body", () => {
    expect(twilioSignature(TOKEN, URL_, PARAMS)).toBe(EXPECTED);
    const form = new URLSearchParams([
      ["To", PARAMS.To],
      ["Digits", "1234"],
      ["From", PARAMS.From],
      ["Caller", PARAMS.Caller],
      ["CallSid", PARAMS.CallSid],
    ]);
    expect(twilioSignature(TOKEN, URL_, form)).toBe(EXPECTED);
  });

  it("validates, and refuses a changed parameter, URL, token or a missing header", () => {
    expect(validateTwilioSignature(TOKEN, EXPECTED, URL_, PARAMS)).toBe(true);
    expect(validateTwilioSignature(TOKEN, EXPECTED, URL_, { ...PARAMS, Digits: "1235" })).toBe(false);
    expect(validateTwilioSignature(TOKEN, EXPECTED, `${URL_}&x=1`, PARAMS)).toBe(false);
    expect(validateTwilioSignature("54321", EXPECTED, URL_, PARAMS)).toBe(false);
    expect(validateTwilioSignature(TOKEN, undefined, URL_, PARAMS)).toBe(false);
    expect(validateTwilioSignature("", EXPECTED, URL_, PARAMS)).toBe(false);
    expect(validateTwilioSignature(TOKEN, "short", URL_, PARAMS)).toBe(false);
  });

  it("accepts the URL signed with or without the default port, as Twilio's helpers do", () => {
    const signedWithPort = twilioSignature(TOKEN, "https://mycompany.com:443/voice", {});
    expect(validateTwilioSignature(TOKEN, signedWithPort, "https://mycompany.com/voice")).toBe(true);
    const signedWithout = twilioSignature(TOKEN, "wss://h.example/media", {});
    expect(validateTwilioSignature(TOKEN, signedWithout, "wss://h.example:443/media")).toBe(true);
    expect(validateTwilioSignature(TOKEN, signedWithout, "wss://h.example:8443/media")).toBe(false);
  });

  it("sorts repeated parameters by value", () => {
    const a = twilioSignature(TOKEN, URL_, { K: ["b", "a"] });
    const b = twilioSignature(
      TOKEN,
      URL_,
      new URLSearchParams([
        ["K", "a"],
        ["K", "b"],
      ]),
    );
    expect(a).toBe(b);
  });
});
