/* G.711 codecs: throughput on 20 ms frames and 6 s blocks, and agreement with SoX. */
import { readFileSync } from "node:fs";
// Default imports: these CommonJS/UMD packages have no named ESM exports under Node.
import alawmulaw from "alawmulaw";
import g711 from "g711";
import { alawDecode, alawEncode, mulawDecode, mulawEncode } from "../src/audio/index.js";
import { type Candidate, fixed, measure, ratio, sink, table } from "./harness.js";
import { speechLike } from "./signals.js";

const RATE_HZ = 8000;
const FRAME_SAMPLES = 160; // 20 ms at 8 kHz
const BLOCK_SAMPLES = 48000; // 6 s at 8 kHz

type Encoder = (samples: Int16Array, out: Uint8Array) => Uint8Array;
type Decoder = (codes: Uint8Array, out: Int16Array) => Int16Array;

interface Codec {
  name: string;
  encode: Encoder;
  decode: Decoder;
}

function codecsFor(law: "mulaw" | "alaw"): Codec[] {
  const ours = law === "mulaw" ? { e: mulawEncode, d: mulawDecode } : { e: alawEncode, d: alawDecode };
  const am = law === "mulaw" ? alawmulaw.mulaw : alawmulaw.alaw;
  const g =
    law === "mulaw"
      ? { e: g711.ulawFromPCM, d: (c: Uint8Array) => g711.ulawToPCM(c, 16) as unknown as Int16Array }
      : { e: g711.alawFromPCM, d: (c: Uint8Array) => g711.alawToPCM(c, 16) as unknown as Int16Array };
  return [
    { name: "voxwire (into buffer)", encode: (s, out) => ours.e(s, out), decode: (c, out) => ours.d(c, out) },
    { name: "voxwire (allocating)", encode: (s) => ours.e(s), decode: (c) => ours.d(c) },
    { name: "alawmulaw", encode: (s) => am.encode(s), decode: (c) => am.decode(c) },
    { name: "g711", encode: (s) => g.e(s), decode: (c) => g.d(c) },
  ];
}

function mismatches(law: "mulaw" | "alaw", codec: Codec): { encode: number; decode: number } {
  const dir = new URL("../test-vectors/g711/", import.meta.url);
  const encoded = new Uint8Array(readFileSync(new URL(`${law}-encode.sox.bin`, dir)));
  const decodedBytes = readFileSync(new URL(`${law}-decode.sox.s16le`, dir));
  const all = Int16Array.from({ length: 65536 }, (_, i) => i - 32768);
  const codes = Uint8Array.from({ length: 256 }, (_, i) => i);
  const e = codec.encode(all, new Uint8Array(65536));
  const d = codec.decode(codes, new Int16Array(256));
  let encode = 0;
  let decode = 0;
  for (let i = 0; i < 65536; i++) if (e[i] !== encoded[i]) encode++;
  for (let i = 0; i < 256; i++) if (d[i] !== decodedBytes.readInt16LE(2 * i)) decode++;
  return { encode, decode };
}

function candidates(codec: Codec, direction: "encode" | "decode", size: number, pcm: Int16Array, codes: Uint8Array): Candidate {
  // Frames are separate views made up front, as frames arrive from a socket: the loop times the codec alone.
  const count = Math.floor(pcm.length / size);
  const pcmFrames = Array.from({ length: count }, (_, i) => pcm.subarray(i * size, (i + 1) * size));
  const codeFrames = Array.from({ length: count }, (_, i) => codes.subarray(i * size, (i + 1) * size));
  const outCodes = new Uint8Array(size);
  const outPcm = new Int16Array(size);
  let next = 0;
  return {
    name: codec.name,
    unitsPerIteration: size,
    run(iterations) {
      let acc = 0;
      for (let i = 0; i < iterations; i++) {
        if (direction === "encode") acc += codec.encode(pcmFrames[next]!, outCodes)[size - 1]!;
        else acc += codec.decode(codeFrames[next]!, outPcm)[size - 1]!;
        next = next + 1 === count ? 0 : next + 1;
      }
      sink.value += acc;
    },
  };
}

export function benchCodecs(): string {
  const pcm = speechLike(RATE_HZ, 60);
  const sections: string[] = [];
  for (const law of ["mulaw", "alaw"] as const) {
    const codecs = codecsFor(law);
    const codes = codecs[0]!.encode(pcm, new Uint8Array(pcm.length));
    const rows: (string | number)[][] = [];
    const results = new Map<string, number>();
    for (const direction of ["encode", "decode"] as const) {
      for (const [label, size] of [
        ["20 ms", FRAME_SAMPLES],
        ["6 s", BLOCK_SAMPLES],
      ] as const) {
        const measured = measure(codecs.map((c) => candidates(c, direction, size, pcm, codes)));
        for (const m of measured) results.set(`${m.name}|${direction}|${label}`, m.rate);
      }
    }
    for (const codec of codecs) {
      const exact = mismatches(law, codec);
      const cells: (string | number)[] = [codec.name];
      for (const direction of ["encode", "decode"] as const) {
        for (const label of ["20 ms", "6 s"]) {
          const rate = results.get(`${codec.name}|${direction}|${label}`)!;
          const peer = results.get(`alawmulaw|${direction}|${label}`)!;
          cells.push(`${fixed(rate / 1e6, 0)} (${ratio(rate, peer)})`);
        }
      }
      cells.push(`${exact.encode} / ${exact.decode}`);
      rows.push(cells);
    }
    sections.push(
      `#### G.711 ${law === "mulaw" ? "μ-law" : "A-law"}: Msamples per CPU-second (ratio to alawmulaw)\n\n` +
        table(["codec", "encode 20 ms", "encode 6 s", "decode 20 ms", "decode 6 s", "≠ SoX (of 65,536 enc / 256 dec)"], rows),
    );
  }
  return sections.join("\n\n");
}
