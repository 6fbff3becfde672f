// The Twilio simulator against a bare `ws` server standing in for an application.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sine, writeWavPcm16 } from "@voxwire/conformance";
import { base64Encode, mulawEncode } from "@voxwire/core";
import { eventually } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { loadCallerWav, parseDtmfPress, simulateTwilioCall } from "../src/testing/index.js";

interface App {
  url: string;
  messages: Record<string, unknown>[];
  socket(): WebSocket;
  close(): Promise<void>;
}

/** A WebSocket server that records every JSON message a simulated Twilio sends it. */
async function fakeApp(): Promise<App> {
  const messages: Record<string, unknown>[] = [];
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  let last: WebSocket | undefined;
  wss.on("connection", (ws) => {
    last = ws;
    ws.on("message", (data) => messages.push(JSON.parse(data.toString())));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/media`,
    messages,
    socket: () => last!,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

async function app(): Promise<App> {
  const a = await fakeApp();
  cleanups.push(() => a.close());
  return a;
}

const media = (streamSid: string, samples: number) =>
  JSON.stringify({ event: "media", streamSid, media: { payload: base64Encode(mulawEncode(new Int16Array(samples).fill(500))) } });

describe("the Twilio simulator", () => {
  it("sends connected, start, then 20 ms media with string sequence numbers, chunks and timestamps, keys, and stop", async () => {
    const a = await app();
    const call = simulateTwilioCall({
      url: a.url,
      audio: sine(8000, 0.1, 220),
      fast: true,
      tailMs: 40,
      settleMs: 50,
      dtmf: [{ digit: "7", atMs: 40 }],
      customParameters: { who: "test" },
    });
    const record = await call.done;
    const events = a.messages.map((m) => m.event);
    expect(events[0]).toBe("connected");
    expect(a.messages[0]).toEqual({ event: "connected", protocol: "Call", version: "1.0.0" });
    expect(a.messages[1]).toMatchObject({
      event: "start",
      sequenceNumber: "1",
      streamSid: call.ids.streamSid,
      start: {
        callSid: call.ids.callSid,
        accountSid: call.ids.accountSid,
        customParameters: { who: "test" },
        mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 },
      },
    });
    expect(call.ids.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    const mediaMessages = a.messages.filter((m) => m.event === "media") as {
      sequenceNumber: string;
      media: { chunk: string; timestamp: string; payload: string; track: string };
    }[];
    expect(mediaMessages).toHaveLength(7); // 100 ms of audio, 40 ms of tail
    expect(mediaMessages.map((m) => m.media.chunk)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(mediaMessages.map((m) => m.media.timestamp)).toEqual(["0", "20", "40", "60", "80", "100", "120"]);
    for (const m of mediaMessages) {
      expect(Buffer.from(m.media.payload, "base64")).toHaveLength(160);
      expect(m.media.track).toBe("inbound");
    }
    const sequence = a.messages.slice(1).map((m) => Number(m.sequenceNumber));
    expect(sequence).toEqual(sequence.map((_, i) => i + 1));
    expect(a.messages.every((m) => m.sequenceNumber === undefined || typeof m.sequenceNumber === "string")).toBe(true);
    // The key goes out at its audio time, between the media of 20 ms and 40 ms.
    expect(events.indexOf("dtmf")).toBe(events.indexOf("media") + 2);
    expect(a.messages.find((m) => m.event === "dtmf")).toMatchObject({ dtmf: { track: "inbound_track", digit: "7" } });
    expect(events.at(-1)).toBe("stop");
    expect(a.messages.at(-1)).toMatchObject({ stop: { callSid: call.ids.callSid, accountSid: call.ids.accountSid } });
    expect(record).toMatchObject({ state: "closed", sent: { mediaFrames: 7, audioMs: 140, dtmf: [{ digit: "7" }] }, close: { by: "twilio" } });
  });

  it("plays back what it gets: marks echo once the audio before them has played; clear echoes the rest", async () => {
    const a = await app();
    const call = simulateTwilioCall({ url: a.url, fast: true, playback: "manual", stop: "manual", tailMs: 0 });
    await call.opened;
    const sid = call.ids.streamSid;
    const ws = a.socket();
    for (let i = 0; i < 10; i++) ws.send(media(sid, 160));
    ws.send(JSON.stringify({ event: "mark", streamSid: sid, mark: { name: "first" } }));
    for (let i = 0; i < 5; i++) ws.send(media(sid, 160));
    ws.send(JSON.stringify({ event: "mark", streamSid: sid, mark: { name: "second" } }));
    await eventually(() => call.record.received.marks.length === 2);
    call.advance(199);
    expect(call.record.received.marks[0]!.echoedAtMs).toBeUndefined();
    call.advance(1);
    await eventually(() => a.messages.some((m) => m.event === "mark"));
    expect(a.messages.filter((m) => m.event === "mark")).toMatchObject([{ mark: { name: "first" }, streamSid: sid }]);
    call.advance(50);
    ws.send(JSON.stringify({ event: "clear", streamSid: sid }));
    await eventually(() => a.messages.filter((m) => m.event === "mark").length === 2);
    const record = call.record;
    expect(record.received.clears).toEqual([expect.objectContaining({ playedMs: 250, droppedMs: 50, marksEchoed: 1 })]);
    expect(record.received.marks).toMatchObject([{ name: "first" }, { name: "second", cleared: true }]);
    expect(record.received.marks[0]!.cleared).toBeUndefined();
    expect(record.received.frameBytes).toEqual({ 160: 15 });
    expect(record.playback).toMatchObject({ playedMs: 250, droppedMs: 50, queuedMs: 0, maxQueuedMs: 300 });
    await call.stop();
  });

  it("records messages Twilio would drop: no or another streamSid, bad payload, binary", async () => {
    const a = await app();
    const call = simulateTwilioCall({ url: a.url, fast: true, stop: "manual", tailMs: 0 });
    await call.opened;
    const ws = a.socket();
    ws.send(JSON.stringify({ event: "clear" }));
    ws.send(media("MZsomeoneelse", 160));
    ws.send(JSON.stringify({ event: "media", streamSid: call.ids.streamSid, media: { payload: "***" } }));
    ws.send(Buffer.from([1, 2, 3]));
    ws.send(JSON.stringify({ event: "custom", streamSid: call.ids.streamSid }));
    await eventually(() => call.record.received.messages === 5);
    const { dropped, other, clears } = call.record.received;
    expect(dropped.map((d) => d.event)).toEqual(["clear", "media", "media", "(binary)"]);
    expect(dropped[0]!.reason).toMatch(/streamSid/);
    expect(other).toMatchObject([{ event: "custom" }]);
    expect(clears).toEqual([]);
    await call.stop();
  });

  it("a call the application closes is recorded as closed by the application", async () => {
    const a = await app();
    const call = simulateTwilioCall({ url: a.url, fast: true, stop: "manual" });
    await call.opened;
    a.socket().close(1000, "bye");
    const record = await call.done;
    expect(record.close).toEqual({ code: 1000, reason: "bye", by: "application" });
    expect(record.sent.stopAtMs).toBeUndefined();
  });

  it("loads a WAV at any rate as 8 kHz caller audio, and parses key schedules", () => {
    const dir = mkdtempSync(join(tmpdir(), "voxwire-twilio-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "caller.wav");
    writeFileSync(path, writeWavPcm16(sine(16000, 0.5, 220), 16000));
    const audio = loadCallerWav(path);
    expect(Math.abs(audio.length - 4000)).toBeLessThanOrEqual(2);
    writeFileSync(path, writeWavPcm16(sine(8000, 0.25, 220), 8000));
    expect(loadCallerWav(path)).toHaveLength(2000);
    expect(parseDtmfPress("1@2s")).toEqual({ digit: "1", atMs: 2000 });
    expect(parseDtmfPress("#@1500ms")).toEqual({ digit: "#", atMs: 1500 });
    expect(parseDtmfPress("5@2.5")).toEqual({ digit: "5", atMs: 2500 });
    expect(() => parseDtmfPress("x@1s")).toThrow(/DIGIT@TIME/);
    expect(() => parseDtmfPress("1")).toThrow(/DIGIT@TIME/);
  });
});
