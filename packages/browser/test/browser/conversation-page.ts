// The real-browser tests' page: starts a conversation from a click (as an application must) with
// the configuration the test put on window.vxConfig, and keeps a log the test reads back.

import type { Dialect } from "@voxwire/core";
import { omni } from "@voxwire/omni";
import { openai } from "@voxwire/openai";
import { orbitali } from "@voxwire/orbitali";
import { tokenFirst } from "@voxwire/token-first";
import { type Conversation, type ConversationEvent, createPlayer, type PlaybackStats, startConversation } from "../../src/index.js";

export interface PageConfig {
  dialect: "omni" | "openai" | "token-first-route" | "token-first-key" | "orbitali-key";
  /** The simulator's base URL (Omni). */
  simulatorUrl?: string;
  key?: string;
  /** Omni's wire rate. */
  rate?: 8000 | 16000 | 24000;
  /** Force the AudioContext to this rate (the conversation otherwise makes one at the device's). */
  contextRate?: number;
  muted?: boolean;
  /** Replace getUserMedia with one that rejects like a denied prompt. */
  denyMicrophone?: boolean;
}

export interface PageLog {
  ready: boolean;
  readyError?: { code: string; message: string; vendorCode?: string | undefined; name: string };
  ended: boolean;
  contextRate?: number;
  contextState?: string;
  capture?: { inputRate: number; sampleRate: number; frameSamples: number; backend: string };
  types: Record<string, number>;
  states: string[];
  agentStates: string[];
  transcripts: string[];
  errors: { code: string; message: string; fatal: boolean; vendorCode?: string | undefined }[];
  /** Every playback report, in order (ticks and clears). */
  playback: PlaybackStats[];
  bargeIns: { heardMs: number; droppedMs: number; stats: PlaybackStats; playbackIndex: number }[];
  levels: { input: number; output: number }[];
  getUserMediaCalls: number;
  tracksLive?: number;
}

declare global {
  interface Window {
    vxConfig: PageConfig;
    vx: {
      log: PageLog;
      conversation?: Conversation;
      setMuted(muted: boolean): void;
      stop(): Promise<void>;
      report(): Promise<PlaybackStats | undefined>;
      playerAtOtherRates(): Promise<PlayerCheck>;
    };
  }
}

export interface PlayerCheck {
  contextRate: number;
  /** Enqueued after 1 s of PCM16 at 24 kHz and 0.5 s of floats at 16 kHz. */
  enqueued: number;
  latency: number;
  afterClear: PlaybackStats;
  playedAfterClear: number;
}

/** createPlayer on its own: audio at rates other than the context's is resampled on the main thread. */
async function playerAtOtherRates(): Promise<PlayerCheck> {
  const context = new AudioContext({ sampleRate: 48000 });
  const player = await createPlayer(context, { prebufferMs: 0 });
  player.push(
    Int16Array.from({ length: 24000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 24000))),
    24000,
  );
  player.push(
    Float32Array.from({ length: 8000 }, (_, i) => 0.25 * Math.sin((2 * Math.PI * 440 * i) / 16000)),
    16000,
  );
  const before = await player.report();
  const afterClear = await player.clear();
  // Two more reports: the ring stays empty and nothing more is played.
  await player.report();
  const later = await player.report();
  player.close();
  await context.close();
  // Both resamplers hold back their look-ahead (core's `latencySamples`) until more audio comes.
  return {
    contextRate: 48000,
    enqueued: before.enqueuedSamples,
    latency: 48000 + 24000 - before.enqueuedSamples,
    afterClear,
    playedAfterClear: later.playedSamples - afterClear.playedSamples,
  };
}

const log: PageLog = {
  ready: false,
  ended: false,
  types: {},
  states: [],
  agentStates: [],
  transcripts: [],
  errors: [],
  playback: [],
  bargeIns: [],
  levels: [],
  getUserMediaCalls: 0,
};

const devices = navigator.mediaDevices;
const realGetUserMedia = devices.getUserMedia.bind(devices);
devices.getUserMedia = (constraints?: MediaStreamConstraints) => {
  log.getUserMediaCalls++;
  if (window.vxConfig?.denyMicrophone) return Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
  return realGetUserMedia(constraints);
};

function dialectFor(config: PageConfig): Dialect {
  switch (config.dialect) {
    case "omni":
      return omni({ agentId: "agent_123", apiKey: config.key ?? "", rate: config.rate ?? 16000, baseUrl: config.simulatorUrl });
    case "openai":
      return openai({ clientSecret: config.key ?? "", model: "gpt-realtime", baseUrl: config.simulatorUrl ?? "http://127.0.0.1:1" });
    case "token-first-route":
      return tokenFirst({ tokenUrl: "/token" });
    case "token-first-key":
      return tokenFirst({ apiUrl: config.simulatorUrl ?? "http://127.0.0.1:1", apiKey: config.key ?? "" });
    case "orbitali-key":
      return orbitali({ apiKey: config.key ?? "", agentId: "9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9" });
  }
}

function record(event: ConversationEvent): void {
  log.types[event.type] = (log.types[event.type] ?? 0) + 1;
  switch (event.type) {
    case "conversation-state":
      log.states.push(event.state);
      return;
    case "agent-state":
      log.agentStates.push(event.state);
      return;
    case "transcript-end":
      log.transcripts.push(`${event.role}: ${event.text}`);
      return;
    case "error":
      log.errors.push({ code: event.code, message: event.message, fatal: event.fatal, vendorCode: event.error?.vendorCode });
      return;
    case "playback": {
      const { type: _type, ...stats } = event;
      log.playback.push(stats);
      return;
    }
    case "barge-in":
      log.bargeIns.push({ heardMs: event.heardMs, droppedMs: event.droppedMs, stats: event.stats, playbackIndex: log.playback.length });
      return;
    case "level":
      log.levels.push({ input: event.input.peak, output: event.output.peak });
      return;
  }
}

function start(): void {
  const config = window.vxConfig;
  // Made here, inside the click, like the conversation's own context would be.
  const audioContext = config.contextRate === undefined ? undefined : new AudioContext({ sampleRate: config.contextRate });
  let conversation: Conversation;
  try {
    conversation = startConversation({
      dialect: dialectFor(config),
      ...(audioContext ? { audioContext } : {}),
      muted: config.muted === true,
    });
  } catch (error) {
    // A factory's ConfigError (before startConversation): logged like a rejected start.
    const e = error as { code?: string; message: string; vendorCode?: string; name: string };
    log.readyError = { code: e.code ?? "thrown", message: e.message, vendorCode: e.vendorCode, name: e.name };
    return;
  }
  window.vx.conversation = conversation;
  conversation.on("*", record);
  conversation.ready.then(
    () => {
      log.ready = true;
      log.contextRate = conversation.audioContext?.sampleRate;
      log.contextState = conversation.audioContext?.state;
      const capture = conversation.capture!;
      log.capture = { inputRate: capture.inputRate, sampleRate: capture.sampleRate, frameSamples: capture.frameSamples, backend: capture.backend };
    },
    (error: { code: string; message: string; vendorCode?: string; name: string }) => {
      log.readyError = { code: error.code, message: error.message, vendorCode: error.vendorCode, name: error.name };
    },
  );
  void conversation.ended.then(async () => {
    log.ended = true;
    log.contextState = conversation.audioContext?.state;
    log.tracksLive = conversation.microphone?.getTracks().filter((t) => t.readyState === "live").length ?? 0;
    // A context we made ourselves is ours to close.
    await audioContext?.close();
  });
}

window.vx = {
  log,
  setMuted(muted) {
    if (window.vx.conversation) window.vx.conversation.muted = muted;
  },
  stop: () => window.vx.conversation?.stop() ?? Promise.resolve(),
  report: async () => window.vx.conversation?.player?.report(),
  playerAtOtherRates,
};
document.getElementById("start")!.addEventListener("click", start);
