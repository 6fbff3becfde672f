/*
 * Frame stamps: a call id, a sequence number and the send time, written into the first samples of
 * a 20 ms frame as PCM values that survive μ-law exactly (decoded μ-law codes 0x80…0xFE, 127
 * distinct positive values). The bridge companding both ways therefore carries them untouched
 * (no resampling at 8 kHz), and the receiving process reads the latency off each frame without
 * matching anything across processes. Times are CLOCK_MONOTONIC (process.hrtime), shared by
 * every process on the machine, counted from an origin the parent passes down.
 */
import { mulawDecodeSample } from "@voxwire/core";

const BASE = 127;
const FIRST_CODE = 0x80;
const MARKER = 99;
/** Samples used: marker, call id (3), sequence (3), send time in µs (6). */
export const STAMP_SAMPLES = 13;

const valueOfDigit = Int16Array.from({ length: BASE }, (_, d) => mulawDecodeSample(FIRST_CODE + d));
const digitOfValue = new Map<number, number>(Array.from(valueOfDigit, (value, digit) => [value, digit]));

/** µs on the machine-wide monotonic clock since `origin` (µs). */
export function monotonicUs(origin: number): number {
  return Number(process.hrtime.bigint() / 1000n) - origin;
}

function writeDigits(frame: Int16Array, at: number, count: number, value: number): void {
  for (let i = count - 1; i >= 0; i--) {
    frame[at + i] = valueOfDigit[value % BASE]!;
    value = Math.floor(value / BASE);
  }
}

function readDigits(frame: Int16Array, at: number, count: number): number | undefined {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const digit = digitOfValue.get(frame[at + i]!);
    if (digit === undefined) return undefined;
    value = value * BASE + digit;
  }
  return value;
}

/** Writes the stamp into `frame` (at least STAMP_SAMPLES long); the rest of the frame is left as is. */
export function stampFrame(frame: Int16Array, callId: number, seq: number, sentUs: number): void {
  frame[0] = valueOfDigit[MARKER]!;
  writeDigits(frame, 1, 3, callId);
  writeDigits(frame, 4, 3, seq);
  writeDigits(frame, 7, 6, Math.max(0, Math.round(sentUs)));
}

export interface Stamp {
  callId: number;
  seq: number;
  sentUs: number;
}

/** The stamp in a received frame, or undefined for a frame without one (silence, padding). */
export function readStamp(frame: Int16Array): Stamp | undefined {
  if (frame.length < STAMP_SAMPLES || frame[0] !== valueOfDigit[MARKER]) return undefined;
  const callId = readDigits(frame, 1, 3);
  const seq = readDigits(frame, 4, 3);
  const sentUs = readDigits(frame, 7, 6);
  if (callId === undefined || seq === undefined || sentUs === undefined) return undefined;
  return { callId, seq, sentUs };
}

/** A frame of quiet μ-law-exact "voice" (so the stamp is not the only non-zero content). */
export function voiceFrame(length: number): Int16Array {
  return Int16Array.from({ length }, (_, i) => valueOfDigit[(i * 13) % 40]!);
}
