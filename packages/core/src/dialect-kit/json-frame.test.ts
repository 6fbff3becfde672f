import { describe, expect, it } from "vitest";
import { passthroughFrame } from "./json-frame.js";

describe("passthroughFrame", () => {
  it("gives back the frame a pass-through came from", () => {
    expect(passthroughFrame({ type: "passthrough", name: "x", payload: { a: 1 }, raw: '{"type":"x","a":1}' })).toBe('{"type":"x","a":1}');
    const bytes = new Uint8Array([1, 2]);
    expect(passthroughFrame({ type: "passthrough", name: "bin", payload: null, raw: bytes })).toBe(bytes);
  });

  it("writes one made without a frame as { [typeKey]: name, payload }", () => {
    expect(passthroughFrame({ type: "passthrough", name: "x", payload: { a: 1 } })).toBe('{"type":"x","payload":{"a":1}}');
    expect(passthroughFrame({ type: "passthrough", name: "x", payload: 2 }, "event")).toBe('{"event":"x","payload":2}');
  });
});
