import type { InboundEvent, PeerDecoded, WireFrame } from "@voxwire/core";
import { TONE_METER_FLOOR_DBFS } from "../simulator/tone-meter.js";
import type { LiveCall } from "./live-call.js";
import type { Spectrum, TimelineEntry, TimelineKind } from "./scenario-result.js";
import { magnitudeSpectrum } from "./spectrum.js";

/** Frames kept per timeline: a real-time call of half a minute in 20 ms frames both ways. */
export const MAX_TIMELINE = 3000;
/** A name longer than this is cut (names are event types and mark names, never payloads). */
const MAX_NAME = 48;
/** Seconds of the tone analysed at most. */
const MAX_SPECTRUM_SECONDS = 2;

/** What the session sent, read back by the vendor's side of the same wire (the dialect's peer codec). */
export interface SentFrame {
  readonly atMs: number;
  readonly bytes: number;
  readonly commands: readonly PeerDecoded[];
}

/**
 * The frames the session sent, each decoded as the vendor would: with the dialect's peer codec,
 * or as binary PCM16 when it has none. Read once a call is over (test tooling, not an audio path).
 */
export function sentFrames(call: LiveCall): SentFrame[] {
  const wire = call.session.audio.wire;
  const peer = call.dialect.createPeerCodec?.({ url: call.tap.dialed?.url ?? "", audio: wire, secrets: [] });
  const sent: SentFrame[] = [];
  for (const { dir, frame, atMs } of call.tap.frames) {
    if (dir !== "out") continue;
    let commands: PeerDecoded[] = [];
    if (peer) commands = peer.decode(frame);
    else if (typeof frame !== "string" && wire.outbound.encoding === "pcm16") {
      const audio = new Int16Array(frame.buffer.slice(frame.byteOffset, frame.byteOffset + (frame.byteLength & ~1)));
      commands = [{ type: "audio-append", audio, sampleRate: wire.outbound.sampleRate }];
    }
    sent.push({ atMs, bytes: frameBytes(frame), commands });
  }
  return sent;
}

/**
 * A call frame by frame, both ways, in time order: what the session emitted (agent audio,
 * clears, marks played, control events) and what it sent (caller audio, clears, marks, DTMF,
 * stops, the dialect's own messages by name). No payloads; at most `MAX_TIMELINE` entries (the
 * first ones), with how many were left out.
 */
export function callTimeline(call: LiveCall, sent: readonly SentFrame[] = sentFrames(call)): { timeline: TimelineEntry[]; dropped: number } {
  const entries: TimelineEntry[] = [];
  for (const { event, atMs } of call.events) entries.push(inboundEntry(event, atMs));
  for (const frame of sent) {
    if (frame.commands.length === 0) entries.push(entry(frame.atMs, "out", "event", frame.bytes, undefined, "frame"));
    frame.commands.forEach((command, i) => {
      entries.push(outboundEntry(command, frame.atMs, i === 0 ? frame.bytes : undefined));
    });
  }
  entries.sort((a, b) => a.atMs - b.atMs);
  const dropped = Math.max(0, entries.length - MAX_TIMELINE);
  return { timeline: entries.slice(0, MAX_TIMELINE), dropped };
}

/**
 * The spectrum of the user's tone as the vendor's side of the wire decodes it: the loud audio
 * frames the session sent (the tone; the silence around it is quieter than the tone meter's
 * floor), at the wire rate. Undefined when no loud audio went out.
 */
export function toneSpectrum(sent: readonly SentFrame[]): Spectrum | undefined {
  const floor = 32768 * 10 ** (TONE_METER_FLOOR_DBFS / 20);
  const parts: Int16Array[] = [];
  let rate = 0;
  let total = 0;
  for (const frame of sent) {
    for (const command of frame.commands) {
      if (command.type !== "audio-append" || command.audio.length === 0) continue;
      if (rate === 0) rate = command.sampleRate;
      if (command.sampleRate !== rate || rms(command.audio) < floor) continue;
      if (total >= rate * MAX_SPECTRUM_SECONDS) break;
      parts.push(command.audio);
      total += command.audio.length;
    }
  }
  if (rate === 0 || total === 0) return undefined;
  const samples = new Int16Array(total);
  let offset = 0;
  for (const part of parts) {
    samples.set(part, offset);
    offset += part.length;
  }
  const spectrum = magnitudeSpectrum(samples, rate);
  if (!spectrum) return undefined;
  return { of: "the user's tone as sent on the wire", sampleRate: rate, ...spectrum, seconds: Math.round((total / rate) * 100) / 100 };
}

function inboundEntry(event: InboundEvent, atMs: number): TimelineEntry {
  const bytes = event.raw === undefined ? undefined : frameBytes(event.raw);
  switch (event.type) {
    case "audio-chunk":
      return entry(atMs, "in", "audio", bytes, event.audio.length);
    case "playback-clear":
      return entry(atMs, "in", "clear", bytes, undefined, "playback-clear");
    case "mark-played":
      return entry(atMs, "in", "mark", bytes, undefined, event.name);
    case "agent-state":
      return entry(atMs, "in", "event", bytes, undefined, `agent-state ${event.state}`);
    case "dtmf-received":
      return entry(atMs, "in", "event", bytes, undefined, `dtmf-received ${event.digit}`);
    case "error":
      return entry(atMs, "in", "event", bytes, undefined, `error ${event.code}`);
    case "passthrough":
      return entry(atMs, "in", "event", bytes, undefined, `passthrough ${event.name}`);
    default:
      return entry(atMs, "in", "event", bytes, undefined, event.type);
  }
}

function outboundEntry(command: PeerDecoded, atMs: number, bytes: number | undefined): TimelineEntry {
  switch (command.type) {
    case "audio-append":
      return entry(atMs, "out", "audio", bytes, command.audio.length);
    case "playback-clear":
      return entry(atMs, "out", "clear", bytes, undefined, "playback-clear");
    case "mark":
      return entry(atMs, "out", "mark", bytes, undefined, command.name);
    case "dtmf-send":
      return entry(atMs, "out", "event", bytes, undefined, `dtmf-send ${command.digit}`);
    case "error":
      return entry(atMs, "out", "event", bytes, undefined, `unreadable (${command.code})`);
    case "passthrough":
      return entry(atMs, "out", "event", bytes, undefined, command.name);
    default:
      return entry(atMs, "out", "event", bytes, undefined, command.type);
  }
}

function entry(atMs: number, dir: "in" | "out", kind: TimelineKind, bytes?: number, samples?: number, name?: string): TimelineEntry {
  return {
    atMs: Math.round(atMs * 10) / 10,
    dir,
    kind,
    ...(bytes !== undefined ? { bytes } : {}),
    ...(samples !== undefined ? { samples } : {}),
    ...(name !== undefined ? { name: name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name } : {}),
  };
}

function frameBytes(frame: WireFrame): number {
  return typeof frame === "string" ? Buffer.byteLength(frame, "utf8") : frame.byteLength;
}

function rms(samples: Int16Array): number {
  let energy = 0;
  for (let i = 0; i < samples.length; i++) energy += samples[i]! * samples[i]!;
  return Math.sqrt(energy / samples.length);
}
