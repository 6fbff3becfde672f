// What every dialect's golden module shares: the test tone and its encodings, the line shapes of
// the golden format, and the writer that turns a dialect's files into text and writes or checks
// them. Node built-ins only, never voxwire code, so a golden cannot inherit an adapter's mistake;
// μ-law comes from the SoX reference tables in packages/core/test-vectors/g711.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** conformance/golden: one folder per dialect. */
export const GOLDEN_ROOT = join(here, "..", "..", "golden");
const g711 = join(here, "..", "..", "..", "packages", "core", "test-vectors", "g711");

// --- audio helpers -----------------------------------------------------------------------

/** `count` samples of a sine at `hz`, amplitude 8000, starting at sample `offset`. */
export function tone(rate, count, hz, offset = 0) {
  const out = new Int16Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.round(8000 * Math.sin((2 * Math.PI * hz * (offset + i)) / rate));
  return out;
}
export function pcmBytes(samples) {
  const bytes = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) bytes.writeInt16LE(samples[i], i * 2);
  return bytes;
}
export const b64 = (samples) => pcmBytes(samples).toString("base64");
const muEncodeTable = readFileSync(join(g711, "mulaw-encode.sox.bin"));
const muDecodeTable = readFileSync(join(g711, "mulaw-decode.sox.s16le"));
export const mulawEncode = (samples) => Buffer.from(Array.from(samples, (s) => muEncodeTable[s + 32768]));
export const mulawDecode = (codes) => Int16Array.from(codes, (c) => muDecodeTable.readInt16LE(c * 2));

// --- line helpers ------------------------------------------------------------------------

const text = (value) => (typeof value === "string" ? value : JSON.stringify(value));
export const inText = (frame, events, extra = {}) => ({ dir: "in", frame: { text: text(frame) }, events, ...extra });
export const outText = (frame, events, extra = {}) => ({ dir: "out", frame: { text: text(frame) }, events, ...extra });
export const inBinary = (bytes, events, extra = {}) => ({ dir: "in", frame: { binary: Buffer.from(bytes).toString("base64") }, events, ...extra });
export const outBinary = (bytes, events, extra = {}) => ({ dir: "out", frame: { binary: Buffer.from(bytes).toString("base64") }, events, ...extra });
export const error = (code, fatal, retryable, more = {}) => ({ type: "error", code, fatal, retryable, ...more });
export const ended = (reason, code) => ({ type: "session-ended", reason, ...(code === undefined ? {} : { code }) });
export const notJson = (why) => ({ oneWay: why });
export const TOLERANCE = "malformed input no peer would produce: the client reports it and goes on";

/** A PCM16 binary frame both ways at one rate: the user's tone out, the agent's in. */
export function binaryAudioLines(rate, frameSamples, frames = 2) {
  const lines = [];
  for (let i = 0; i < frames; i++) {
    const user = tone(rate, frameSamples, 440, i * frameSamples);
    lines.push(outBinary(pcmBytes(user), [{ type: "audio-append", audio: b64(user), sampleRate: rate }]));
  }
  for (let i = 0; i < frames; i++) {
    const agent = tone(rate, frameSamples, 660, i * frameSamples);
    lines.push(inBinary(pcmBytes(agent), [{ type: "audio-chunk", audio: b64(agent), sampleRate: rate }]));
  }
  return lines;
}

// --- the writer --------------------------------------------------------------------------

/**
 * A dialect module's files as text, keyed by their path under conformance/golden
 * (`<dialect>/<scenario>.jsonl`). The module calls `write(scenario, header, lines)` once a file.
 */
export function renderDialect(module) {
  const files = new Map();
  // A module with several folders (a leg in two codecs: `dialects`) names the folder as a fourth argument.
  module.build((scenario, header, lines, folder = module.dialect) => {
    if (!(module.dialects ?? [module.dialect]).includes(folder)) throw new Error(`${module.dialect}: folder ${folder} is not in its dialects`);
    const path = `${folder}/${scenario}.jsonl`;
    if (files.has(path)) throw new Error(`${path} is written twice`);
    const body = [{ golden: 1, dialect: folder, ...header }, ...lines].map((l) => JSON.stringify(l)).join("\n");
    files.set(path, `${body}\n`);
  });
  return files;
}

/** The .jsonl files now under conformance/golden/<dialect>, as paths relative to the root. */
export function committedFiles(dialect, root = GOLDEN_ROOT) {
  const dir = join(root, dialect);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => `${dialect}/${name}`);
}

/** Writes every file; returns the paths written. */
export function writeFiles(files, root = GOLDEN_ROOT) {
  for (const [path, body] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  return [...files.keys()];
}

/**
 * Compares the files the modules produce with those on disk for the same dialects: what differs,
 * what the generator makes that is not there (missing), and what is there that it does not make
 * (extra). All three empty means the committed goldens are exactly the generator's.
 */
export function compareFiles(files, dialects, root = GOLDEN_ROOT) {
  const differ = [];
  const missing = [];
  for (const [path, body] of files) {
    const target = join(root, path);
    if (!existsSync(target)) missing.push(path);
    else if (readFileSync(target, "utf8") !== body) differ.push(path);
  }
  const extra = dialects.flatMap((dialect) => committedFiles(dialect, root)).filter((path) => !files.has(path));
  return { differ, missing, extra };
}
