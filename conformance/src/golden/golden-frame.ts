import { isDeepStrictEqual } from "node:util";
import { base64Decode, base64Encode, type WireFrame } from "@voxwire/core";
import { brief } from "./golden-event.js";

/** A wire frame as a golden file writes it: text as it is, binary as base64. */
export type GoldenFrameJson = { readonly text: string } | { readonly binary: string };

export function frameToJson(frame: WireFrame): GoldenFrameJson {
  return typeof frame === "string" ? { text: frame } : { binary: base64Encode(frame) };
}

export function frameFromJson(json: GoldenFrameJson): WireFrame {
  return "text" in json ? json.text : base64Decode(json.binary);
}

/**
 * Differences between produced frames and golden ones: binary byte for byte, text JSON-equal
 * when both sides are JSON (key order and spacing are not part of a wire), else exactly.
 */
export function compareFrames(actual: readonly WireFrame[], golden: readonly WireFrame[]): string[] {
  if (actual.length !== golden.length) {
    return [`expected ${golden.length} frame(s), got ${actual.length}${actual.length > 0 ? `: ${actual.map(describeFrame).join(", ")}` : ""}`];
  }
  const problems: string[] = [];
  golden.forEach((g, i) => {
    const a = actual[i]!;
    if (!framesEqual(a, g)) problems.push(`frame ${i + 1}: expected ${describeFrame(g)}, got ${describeFrame(a)}`);
  });
  return problems;
}

export function framesEqual(a: WireFrame, b: WireFrame): boolean {
  if (typeof a === "string" && typeof b === "string") {
    if (a === b) return true;
    const pa = parseJson(a);
    const pb = parseJson(b);
    return pa.ok && pb.ok && isDeepStrictEqual(pa.value, pb.value);
  }
  if (typeof a === "string" || typeof b === "string") return false;
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

export function describeFrame(frame: WireFrame): string {
  return typeof frame === "string" ? `text ${brief(frame)}` : `binary of ${frame.byteLength} bytes`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
