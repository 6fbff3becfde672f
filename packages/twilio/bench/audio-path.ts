/*
 * Per-frame CPU of the bridge's audio path against the path the vendor guides show, measured in
 * the same process and run, interleaved, best of several trials (CPU time, so preemption by the
 * load test's other processes does not count). One frame = 20 ms of a phone call.
 *
 * Ours: what the Twilio codec runs (strict base64 into a reused buffer, table μ-law into a chunk of
 * a shared slab: `decodeBase64Audio`), core's table μ-law encode into a reused buffer, a prebuilt JSON
 * template, and (when the agent is not at 8 kHz) core's streaming band-limited resampler.
 * Vendor guides: atob/btoa with per-character loops, a per-sample JS μ-law codec (alawmulaw, as
 * the Omni phone-bridge guide uses; docs/sources.md), JSON.stringify, and stateless per-frame linear
 * resampling.
 */
// A CommonJS/UMD package: no named ESM exports under Node.

import { base64Encode, createAudioPipeline, decodeBase64Audio, mulawEncode, pcm16ToBytes } from "@voxwire/core";
import alawmulaw from "alawmulaw";
import { voiceFrame } from "./frame-stamp.js";

const STREAM_SID = "MZ18ad3ab5a668481ce02b83e7395059f0";
const SID_JSON = JSON.stringify(STREAM_SID);

/** What one direction of one frame costs on each path. */
export interface PathResult {
  path: string;
  oursNs: number;
  vendorNs: number;
}

let sink = 0;

function cpuNs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) * 1000;
}

/** ns per call of `run`, best of interleaved trials. */
function measurePair(ours: () => void, vendor: () => void, trials = 7, iterations = 20_000): [number, number] {
  for (let i = 0; i < 2000; i++) {
    ours();
    vendor();
  }
  let bestOurs = Number.POSITIVE_INFINITY;
  let bestVendor = Number.POSITIVE_INFINITY;
  for (let t = 0; t < trials; t++) {
    let start = cpuNs();
    for (let i = 0; i < iterations; i++) ours();
    bestOurs = Math.min(bestOurs, (cpuNs() - start) / iterations);
    start = cpuNs();
    for (let i = 0; i < iterations; i++) vendor();
    bestVendor = Math.min(bestVendor, (cpuNs() - start) / iterations);
  }
  return [bestOurs, bestVendor];
}

// --- the vendor-guide building blocks ------------------------------------------------------

function atobBytes(payload: string): Uint8Array {
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function btoaBytes(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

/** Linear interpolation of one frame on its own: no state, no filter (what the guides paste). */
function linearResample(input: Int16Array, from: number, to: number): Int16Array {
  const out = new Int16Array(Math.round((input.length * to) / from));
  const step = from / to;
  for (let i = 0; i < out.length; i++) {
    const x = i * step;
    const k = Math.floor(x);
    const a = input[k] ?? 0;
    const b = input[Math.min(k + 1, input.length - 1)] ?? a;
    out[i] = a + (b - a) * (x - k);
  }
  return out;
}

// --- the paths -----------------------------------------------------------------------------

export function measureAudioPaths(): PathResult[] {
  const pcm8k = voiceFrame(160);
  const codes = mulawEncode(pcm8k);
  const inbound = JSON.stringify({
    event: "media",
    sequenceNumber: "42",
    streamSid: STREAM_SID,
    media: { track: "inbound", chunk: "41", timestamp: "820", payload: base64Encode(codes) },
  });
  const pcm24k = Int16Array.from({ length: 480 }, (_, i) => pcm8k[Math.floor(i / 3)]!);
  const scratch = new Uint8Array(160);
  const results: PathResult[] = [];

  // Caller → agent at 8 kHz: Twilio media JSON → PCM16 bytes on the agent's wire.
  {
    const [ours, vendor] = measurePair(
      () => {
        const message = JSON.parse(inbound) as { media: { payload: string } };
        sink += pcm16ToBytes(decodeBase64Audio(message.media.payload, "mulaw")).byteLength;
      },
      () => {
        const message = JSON.parse(inbound) as { media: { payload: string } };
        const pcm = alawmulaw.mulaw.decode(atobBytes(message.media.payload));
        sink += Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).byteLength;
      },
    );
    results.push({ path: "caller → agent, 8 kHz agent (μ-law → PCM16)", oursNs: ours, vendorNs: vendor });
  }

  // The same, without the JSON both paths parse alike: base64 μ-law → PCM16.
  {
    const payload = base64Encode(codes);
    const [ours, vendor] = measurePair(
      () => {
        sink += decodeBase64Audio(payload, "mulaw").length;
      },
      () => {
        sink += alawmulaw.mulaw.decode(atobBytes(payload)).length;
      },
    );
    results.push({ path: "  of which base64 + μ-law decode", oursNs: ours, vendorNs: vendor });
  }

  // Agent at 8 kHz → caller: PCM16 frame → Twilio media JSON.
  {
    const [ours, vendor] = measurePair(
      () => {
        const payload = base64Encode(mulawEncode(pcm8k, scratch));
        sink += `{"event":"media","streamSid":${SID_JSON},"media":{"payload":"${payload}"}}`.length;
      },
      () => {
        const payload = btoaBytes(alawmulaw.mulaw.encode(pcm8k));
        sink += JSON.stringify({ event: "media", streamSid: STREAM_SID, media: { payload } }).length;
      },
    );
    results.push({ path: "agent → caller, 8 kHz agent (PCM16 → μ-law)", oursNs: ours, vendorNs: vendor });
  }

  // Caller → 16 kHz agent: decode, then 8 → 16 kHz.
  {
    const up = createAudioPipeline({ inputRate: 8000, outputRate: 16000, frameSamples: 320 });
    const [ours, vendor] = measurePair(
      () => {
        const message = JSON.parse(inbound) as { media: { payload: string } };
        up.push(decodeBase64Audio(message.media.payload, "mulaw"), (frame) => {
          sink += pcm16ToBytes(frame).byteLength;
        });
      },
      () => {
        const message = JSON.parse(inbound) as { media: { payload: string } };
        const pcm = linearResample(alawmulaw.mulaw.decode(atobBytes(message.media.payload)), 8000, 16000);
        sink += Buffer.from(pcm.buffer).byteLength;
      },
    );
    results.push({ path: "caller → agent, 16 kHz agent (+ 8 → 16 kHz)", oursNs: ours, vendorNs: vendor });
  }

  // 24 kHz agent → caller: 24 → 8 kHz (anti-aliased on our side), then encode.
  {
    const down = createAudioPipeline({ inputRate: 24000, outputRate: 8000, frameSamples: 160 });
    const [ours, vendor] = measurePair(
      () => {
        down.push(pcm24k, (frame) => {
          const payload = base64Encode(mulawEncode(frame, scratch));
          sink += `{"event":"media","streamSid":${SID_JSON},"media":{"payload":"${payload}"}}`.length;
        });
      },
      () => {
        const payload = btoaBytes(alawmulaw.mulaw.encode(linearResample(pcm24k, 24000, 8000)));
        sink += JSON.stringify({ event: "media", streamSid: STREAM_SID, media: { payload } }).length;
      },
    );
    results.push({ path: "agent → caller, 24 kHz agent (+ 24 → 8 kHz)", oursNs: ours, vendorNs: vendor });
  }
  if (sink === 0.5) console.log(sink); // keeps the work observable
  return results;
}
