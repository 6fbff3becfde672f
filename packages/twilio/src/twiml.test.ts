import { describe, expect, it } from "vitest";
import { connectStreamTwiml, dialTwiml, escapeXml } from "./index.js";

describe("TwiML", () => {
  it("<Connect><Stream> with <Parameter>s", () => {
    expect(connectStreamTwiml({ url: "wss://example.com/media", parameters: { caller: "+15551234567", lang: "en" } })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="wss://example.com/media">' +
        '<Parameter name="caller" value="+15551234567"/><Parameter name="lang" value="en"/></Stream></Connect></Response>',
    );
    expect(connectStreamTwiml({ url: "wss://h/m" })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="wss://h/m"/></Connect></Response>',
    );
  });

  it("escapes every attribute, and drops characters XML cannot hold", () => {
    const twiml = connectStreamTwiml({
      url: "wss://example.com/media?a=1&b=2",
      name: `<"stream" & 'co'>`,
      statusCallback: "https://x/cb?x=1&y=2",
      parameters: [[`k"<&>`, `v'\u0001"`]],
    });
    expect(twiml).toContain('url="wss://example.com/media?a=1&amp;b=2"');
    expect(twiml).toContain('name="&lt;&quot;stream&quot; &amp; &apos;co&apos;&gt;"');
    expect(twiml).toContain('statusCallback="https://x/cb?x=1&amp;y=2"');
    expect(twiml).toContain('<Parameter name="k&quot;&lt;&amp;&gt;" value="v&apos;&quot;"/>');
    expect(escapeXml("a\u0000b")).toBe("ab");
  });

  it("refuses a stream URL that is not a WebSocket URL, and a nameless parameter", () => {
    expect(() => connectStreamTwiml({ url: "https://example.com/media" })).toThrow(/wss:\/\//);
    expect(() => connectStreamTwiml({ url: "not a url" })).toThrow(/not a valid URL/);
    expect(() => connectStreamTwiml({ url: "wss://h/m", parameters: [["", "v"]] })).toThrow(/non-empty name/);
  });

  it("<Dial> for transfers: numbers, SIP and clients, escaped", () => {
    expect(dialTwiml("+15550001111")).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Number>+15550001111</Number></Dial></Response>');
    expect(dialTwiml("sip:desk@example.com;x=1&y", { callerId: "+1555" })).toContain(
      '<Dial callerId="+1555"><Sip>sip:desk@example.com;x=1&amp;y</Sip></Dial>',
    );
    expect(dialTwiml("client:agent<1>")).toContain("<Client>agent&lt;1&gt;</Client>");
    expect(() => dialTwiml(" ")).toThrow(/target/);
  });
});
