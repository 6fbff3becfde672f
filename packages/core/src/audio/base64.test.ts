import { Buffer } from "node:buffer";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AudioDataError } from "../errors/error-classes.js";
import {
  type Base64Backend,
  base64Decode,
  base64DecodedLength,
  base64DecodeIntoWith,
  base64DecodeWith,
  base64Encode,
  base64EncodeWith,
  detectBase64Backend,
} from "./base64.js";
import { asciiToStringByBlocks } from "./base64-table.js";

const backends: Base64Backend[] = ["buffer", "native", "table"];
const base64Char = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

describe("base64", () => {
  it("uses Buffer on Node", () => {
    expect(detectBase64Backend()).toBe("buffer");
  });

  it.each(backends)("%s: encodes and decodes the RFC 4648 test vectors", (backend) => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "Zg=="],
      ["fo", "Zm8="],
      ["foo", "Zm9v"],
      ["foob", "Zm9vYg=="],
      ["fooba", "Zm9vYmE="],
      ["foobar", "Zm9vYmFy"],
    ];
    for (const [plain, encoded] of vectors) {
      const bytes = new TextEncoder().encode(plain);
      expect(base64EncodeWith(backend, bytes)).toBe(encoded);
      expect(base64DecodeWith(backend, encoded)).toEqual(bytes);
      expect(base64DecodeWith(backend, encoded.replace(/=+$/, ""))).toEqual(bytes);
    }
  });

  it.each(backends)("%s: rejects invalid text with AudioDataError", (backend) => {
    const invalid = [
      "A",
      "Zm9vY",
      "Zg=",
      "Zg===",
      "=",
      "====",
      "Zm9v\n",
      " Zm9v",
      "Zm-_",
      "Zm9v!A==",
      "Zg==Zg==",
      "Z=g=",
      "Zm9vYmFy=",
      "Zm9é",
      "€€€€",
      "Zm9\u0176",
      "Zm9v\u00e9A==",
      "Zh==",
      "Zm9=",
      "Zm9vYmE\t",
    ];
    for (const text of invalid) expect(() => base64DecodeWith(backend, text), JSON.stringify(text)).toThrow(AudioDataError);
  });

  it("builds long strings block by block where TextDecoder is missing", () => {
    const codes = Uint8Array.from({ length: 20000 }, (_, i) => 65 + (i % 26));
    expect(asciiToStringByBlocks(codes)).toBe(new TextDecoder("latin1").decode(codes));
  });

  it("returns a decoded array that owns its buffer (no shared pool)", () => {
    const decoded = base64Decode("AAECAw==");
    expect(decoded.byteOffset).toBe(0);
    expect(decoded.buffer.byteLength).toBe(4);
    expect(Object.getPrototypeOf(decoded)).toBe(Uint8Array.prototype);
  });

  it("encodes a view into a larger buffer without reading outside it", () => {
    const backing = Uint8Array.of(9, 1, 2, 3, 9);
    for (const backend of backends) expect(base64EncodeWith(backend, backing.subarray(1, 4))).toBe("AQID");
  });

  test.prop([fc.uint8Array({ maxLength: 3000 })])("round-trips on every backend and matches Buffer", (bytes) => {
    const reference = Buffer.from(bytes).toString("base64");
    expect(base64Encode(bytes)).toBe(reference);
    for (const backend of backends) {
      expect(base64EncodeWith(backend, bytes)).toBe(reference);
      expect(base64DecodeWith(backend, reference)).toEqual(bytes);
    }
  });

  test.prop([fc.array(base64Char, { minLength: 1, maxLength: 40 }), fc.nat(), fc.string({ minLength: 1, maxLength: 2 })])(
    "rejects any text with a character outside the alphabet, on every backend",
    (chars, at, junk) => {
      fc.pre(/[^A-Za-z0-9+/]/.test(junk.replace(/=/g, "!")));
      const text = chars.join("");
      const position = at % text.length;
      const bad = text.slice(0, position) + junk.replace(/=/g, "!") + text.slice(position);
      for (const backend of backends) expect(() => base64DecodeWith(backend, bad)).toThrow(AudioDataError);
    },
  );

  test.prop([fc.string({ unit: "binary", maxLength: 64 })])("never throws anything but AudioDataError, on any string", (text) => {
    const outcomes = backends.map((backend) => {
      try {
        return Array.from(base64DecodeWith(backend, text)).join(",");
      } catch (error) {
        expect(error).toBeInstanceOf(AudioDataError);
        return "error";
      }
    });
    expect(new Set(outcomes).size).toBe(1);
  });

  test.prop([fc.uint8Array({ maxLength: 600 }), fc.nat({ max: 7 }), fc.nat({ max: 7 })])(
    "decodes into a reused array at an offset, on every backend, touching nothing outside",
    (bytes, offset, slack) => {
      const text = Buffer.from(bytes).toString("base64");
      const out = new Uint8Array(offset + bytes.length + slack).fill(0xaa);
      for (const backend of backends) {
        out.fill(0xaa);
        expect(base64DecodeIntoWith(backend, text, out, offset)).toBe(bytes.length);
        expect(out.subarray(offset, offset + bytes.length)).toEqual(bytes);
        expect(out.subarray(0, offset).every((b) => b === 0xaa)).toBe(true);
        expect(out.subarray(offset + bytes.length).every((b) => b === 0xaa)).toBe(true);
      }
    },
  );

  test.prop([fc.string({ unit: "binary", maxLength: 64 })])("decodes into an array exactly as it decodes to a new one, on any string", (text) => {
    for (const backend of backends) {
      let expected: string;
      try {
        expected = Array.from(base64DecodeWith(backend, text)).join(",");
      } catch {
        expected = "error";
      }
      const out = new Uint8Array(64);
      let got: string;
      try {
        got = Array.from(out.subarray(0, base64DecodeIntoWith(backend, text, out))).join(",");
      } catch (error) {
        expect(error).toBeInstanceOf(AudioDataError);
        got = "error";
      }
      expect(got).toBe(expected);
    }
  });

  it("tells the decoded length from the length and padding alone, and refuses an array too small", () => {
    expect([base64DecodedLength(""), base64DecodedLength("Zg=="), base64DecodedLength("Zg"), base64DecodedLength("Zm9v")]).toEqual([0, 1, 1, 3]);
    expect(() => base64DecodedLength("Zm9vY")).toThrow(AudioDataError);
    for (const backend of backends) expect(() => base64DecodeIntoWith(backend, "Zm9v", new Uint8Array(4), 2)).toThrow(RangeError);
  });
});
