/* Base64 of audio payloads: ours (auto backend, strict) and the table codec vs Node's Buffer. */
import { Buffer } from "node:buffer";
import { base64Decode, base64DecodeWith, base64Encode, base64EncodeWith, detectBase64Backend, pcm16ToBytes } from "../src/audio/index.js";
import { type Candidate, fixed, measure, ratio, sink, table } from "./harness.js";
import { speechLike } from "./signals.js";

export function benchBase64(): string {
  const rows: (string | number)[][] = [];
  for (const [label, seconds] of [
    ["20 ms frame (640 B)", 0.02],
    ["6 s block (192 kB)", 6],
  ] as const) {
    const bytes = pcm16ToBytes(speechLike(16000, seconds)).slice();
    const text = Buffer.from(bytes).toString("base64");
    const encode = (name: string, fn: (b: Uint8Array) => string): Candidate => ({
      name,
      unitsPerIteration: bytes.length,
      run(n) {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += fn(bytes).length;
        sink.value += acc;
      },
    });
    const decode = (name: string, fn: (t: string) => Uint8Array): Candidate => ({
      name,
      unitsPerIteration: bytes.length,
      run(n) {
        let acc = 0;
        for (let i = 0; i < n; i++) acc += fn(text).length;
        sink.value += acc;
      },
    });
    const enc = measure([
      encode(`voxwire (${detectBase64Backend()})`, base64Encode),
      encode("voxwire (table)", (b) => base64EncodeWith("table", b)),
      encode("Buffer.toString", (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64")),
    ]);
    const dec = measure([
      decode(`voxwire (${detectBase64Backend()}, strict)`, base64Decode),
      decode("voxwire (table, strict)", (t) => base64DecodeWith("table", t)),
      decode("Buffer.from (lenient)", (t) => Buffer.from(t, "base64")),
    ]);
    const bufferEnc = enc[2]!.rate;
    const bufferDec = dec[2]!.rate;
    for (let i = 0; i < 3; i++) {
      rows.push([
        label,
        enc[i]!.name,
        `${fixed(enc[i]!.rate / 1e6, 0)} (${ratio(enc[i]!.rate, bufferEnc)})`,
        dec[i]!.name,
        `${fixed(dec[i]!.rate / 1e6, 0)} (${ratio(dec[i]!.rate, bufferDec)})`,
      ]);
    }
  }
  return `#### Base64: MB of audio per CPU-second (ratio to Node's Buffer)\n\n${table(["payload", "encoder", "encode", "decoder", "decode"], rows)}`;
}
