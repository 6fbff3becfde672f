import { performance } from "node:perf_hooks";
import type { InboundEvent, PeerDecoded, WireFrame } from "@voxwire/core";
import type { AgentActivity } from "./scripted-agent.js";
import { ToneMeter } from "./tone-meter.js";

/** A client command as recorded: audio is counted, not kept, so commands here are the others. */
export type RecordedCommand = Exclude<PeerDecoded, { type: "audio-append" }> & { atMs: number };

/** What the simulator saw of one session. Plain data: `sessions()` hands out copies. */
export interface SessionRecord {
  id: string;
  dialect: string;
  /** `refused`: auth or origin failure after the upgrade; `handshake`: waiting for first-message auth. */
  state: "refused" | "handshake" | "live" | "ended";
  /** Epoch ms. */
  openedAt: number;
  endedAt?: number;
  /** The wire rates: `user` is what the client must send, `agent` what the agent sends. */
  rates: { user: number; agent: number };
  /** Dialect facts from the front (agent id, declared format, echoed subprotocol name …). */
  details: Record<string, unknown>;
  received: {
    frames: number;
    textFrames: number;
    binaryFrames: number;
    bytes: number;
    audio: {
      frames: number;
      samples: number;
      /** Audio received, in seconds at the declared user rate. */
      seconds: number;
      /** Samples per audio frame → how many frames had that size. */
      frameSamples: Record<number, number>;
      /** Samples per wall-clock second between the first and the last audio frame (set after 0.5 s). */
      measuredRate?: number;
      /**
       * The frequency of the loud audio received, from its zero crossings at the declared user
       * rate (set after 100 ms of it): a 440 Hz tone sent right reads 440 here (see ToneMeter).
       */
      toneHz?: number;
    };
    /**
     * The first `maxRecordedCommands` non-audio commands, decode errors and pass-throughs, in
     * order, with ms since open; each text in them cut to `maxRecordedTextChars` (marked `…`),
     * each byte array to as many bytes, each array to 64 items.
     */
    commands: RecordedCommand[];
    /** Non-audio commands received in all, kept or not. */
    commandsSeen: number;
    /** The first `maxRecordedCommands` DTMF digits. */
    dtmf: string[];
  };
  sent: {
    frames: number;
    bytes: number;
    audioFrames: number;
    audioSamples: number;
    /** Agent events sent, by type (audio-chunk included). */
    events: Record<string, number>;
  };
  agent: AgentActivity;
  close?: { code: number; reason: string; by: "client" | "server" };
}

/** How much of a session the simulator keeps: a client cannot grow a record without bound. */
export interface RecordLimits {
  /** Commands (and DTMF digits) kept per session; the rest are counted. Default 1000. */
  maxRecordedCommands?: number;
  /** Characters of each text (and bytes of each binary) kept in a command. Default 1024. */
  maxRecordedTextChars?: number;
}

export const DEFAULT_MAX_RECORDED_COMMANDS = 1000;
export const DEFAULT_MAX_RECORDED_TEXT_CHARS = 1024;
/** Items kept of an array inside a command (a pass-through's JSON). */
const MAX_RECORDED_ITEMS = 64;
/** Depth kept inside a command; deeper values are replaced by a marker. */
const MAX_RECORDED_DEPTH = 6;

/** Fills one SessionRecord as a session runs. */
export class SessionRecorder {
  readonly record: SessionRecord;
  readonly #openedAt = performance.now();
  #audioStart = 0;
  #audioSamplesBeforeLast = 0;
  #audioLast = 0;
  readonly #tone: ToneMeter;
  readonly #maxCommands: number;
  readonly #maxText: number;

  constructor(init: Pick<SessionRecord, "id" | "dialect" | "rates" | "details">, agent: AgentActivity, limits: RecordLimits = {}) {
    this.#maxCommands = limits.maxRecordedCommands ?? DEFAULT_MAX_RECORDED_COMMANDS;
    this.#maxText = limits.maxRecordedTextChars ?? DEFAULT_MAX_RECORDED_TEXT_CHARS;
    this.record = {
      ...init,
      state: "live",
      openedAt: Date.now(),
      received: {
        frames: 0,
        textFrames: 0,
        binaryFrames: 0,
        bytes: 0,
        audio: { frames: 0, samples: 0, seconds: 0, frameSamples: {} },
        commands: [],
        commandsSeen: 0,
        dtmf: [],
      },
      sent: { frames: 0, bytes: 0, audioFrames: 0, audioSamples: 0, events: {} },
      agent,
    };
    this.#tone = new ToneMeter(init.rates.user);
  }

  frameIn(frame: WireFrame): void {
    const r = this.record.received;
    r.frames++;
    if (typeof frame === "string") {
      r.textFrames++;
      r.bytes += Buffer.byteLength(frame);
    } else {
      r.binaryFrames++;
      r.bytes += frame.byteLength;
    }
  }

  command(command: PeerDecoded): void {
    const r = this.record.received;
    if (command.type === "audio-append") {
      const now = performance.now();
      const audio = r.audio;
      if (audio.frames === 0) this.#audioStart = now;
      else this.#audioSamplesBeforeLast = audio.samples;
      this.#audioLast = now;
      audio.frames++;
      audio.samples += command.audio.length;
      audio.seconds = audio.samples / this.record.rates.user;
      audio.frameSamples[command.audio.length] = (audio.frameSamples[command.audio.length] ?? 0) + 1;
      const span = (this.#audioLast - this.#audioStart) / 1000;
      if (span >= 0.5) audio.measuredRate = Math.round(this.#audioSamplesBeforeLast / span);
      this.#tone.push(command.audio);
      const hz = this.#tone.hz;
      if (hz !== undefined) audio.toneHz = Math.round(hz * 10) / 10;
      return;
    }
    r.commandsSeen++;
    if (command.type === "dtmf-send" && r.dtmf.length < this.#maxCommands) r.dtmf.push(command.digit);
    if (r.commands.length >= this.#maxCommands) return;
    const kept = capped(withoutError(command), this.#maxText, 0) as Exclude<PeerDecoded, { type: "audio-append" }>;
    r.commands.push({ ...kept, atMs: Math.round(performance.now() - this.#openedAt) });
  }

  sent(event: InboundEvent | undefined, frames: readonly WireFrame[]): void {
    const s = this.record.sent;
    if (event) s.events[event.type] = (s.events[event.type] ?? 0) + 1;
    if (event?.type === "audio-chunk") {
      s.audioFrames++;
      s.audioSamples += event.audio.length;
    }
    for (const frame of frames) {
      s.frames++;
      s.bytes += typeof frame === "string" ? Buffer.byteLength(frame) : frame.byteLength;
    }
  }

  closed(code: number, reason: string, by: "client" | "server"): void {
    if (this.record.close) return;
    this.record.close = { code, reason, by };
    this.record.endedAt = Date.now();
    if (this.record.state !== "refused") this.record.state = "ended";
  }
}

/**
 * A bounded copy of what a client sent: long texts and byte arrays cut, long arrays shortened,
 * deep nesting replaced, so one 1 MiB frame is not kept whole for the simulator's lifetime.
 */
function capped(value: unknown, maxText: number, depth: number): unknown {
  if (typeof value === "string") return value.length > maxText ? `${value.slice(0, maxText)}…` : value;
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const view = value as unknown as { length: number; slice(start: number, end: number): unknown };
    return view.length > maxText ? view.slice(0, maxText) : value;
  }
  if (depth >= MAX_RECORDED_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) return value.slice(0, MAX_RECORDED_ITEMS).map((item) => capped(item, maxText, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = capped(item, maxText, depth + 1);
  return out;
}

/** Error events keep their code and message; the error object itself is not plain data. */
function withoutError(command: Exclude<PeerDecoded, { type: "audio-append" }>): Exclude<PeerDecoded, { type: "audio-append" }> {
  if (command.type !== "error") return command;
  const { error: _error, ...rest } = command;
  return rest;
}
