import { describe, expect, it } from "vitest";
import { fakeClock } from "../test/fake-clock.js";
import { createSharedScheduler, createTimerScheduler, FramePacer, type PacingScheduler } from "./index.js";

const FRAME = () => new Int16Array(160);

function setup(
  make: (clock: ReturnType<typeof fakeClock>["clock"]) => PacingScheduler,
  options: { leadMs?: number; capacityMs?: number; lateMs?: () => number } = {},
) {
  const time = fakeClock(options.lateMs ? { lateMs: options.lateMs } : {});
  const scheduler = make(time.clock);
  const sent: { at: number; startsTurn: boolean; frame: Int16Array }[] = [];
  let idles = 0;
  /** Audio queued at Twilio right after each send, by the clock model. */
  const leads: number[] = [];
  let playedUntil = 0;
  const pacer = new FramePacer({
    leadMs: options.leadMs ?? 100,
    capacityMs: options.capacityMs ?? 10_000,
    frameMs: 20,
    sampleRate: 8000,
    idleAfterMs: 60,
    scheduler,
    send: (frame, ms, startsTurn) => {
      sent.push({ at: time.now, startsTurn, frame });
      playedUntil = Math.max(playedUntil, time.now) + ms;
      leads.push(playedUntil - time.now);
    },
    onIdle: () => idles++,
  });
  return { time, scheduler, pacer, sent, leads, idles: () => idles };
}

const schedulers = {
  "shared scheduler": (clock: ReturnType<typeof fakeClock>["clock"]) => createSharedScheduler({ tickMs: 10, clock }),
  "timer per pacer": (clock: ReturnType<typeof fakeClock>["clock"]) => createTimerScheduler({ clock }),
};

for (const [name, make] of Object.entries(schedulers)) {
  describe(`the frame pacer (${name})`, () => {
    it("an agent far ahead of real time: Twilio's queue stays within the lead, never a burst", () => {
      const { time, pacer, sent, leads, scheduler } = setup(make);
      for (let i = 0; i < 100; i++) pacer.push(FRAME()); // 2 s of audio at once
      expect(sent).toHaveLength(6); // the lead (100 ms, plus the frame that crosses it) goes at once
      for (let t = 0; t < 3000; t += 5) time.advance(5);
      expect(sent).toHaveLength(100);
      expect(Math.max(...leads)).toBeLessThanOrEqual(120);
      // While audio was waiting, the line never ran below the lead minus one tick.
      const whileBacklogged = leads.slice(5, 95);
      expect(Math.min(...whileBacklogged)).toBeGreaterThanOrEqual(80);
      // Paced at real time: the 100th frame leaves 2 s − 20 ms − lead after the first (plus at most a tick).
      expect(sent[99]!.at - sent[0]!.at).toBeGreaterThanOrEqual(1880);
      expect(sent[99]!.at - sent[0]!.at).toBeLessThanOrEqual(1890);
      expect(scheduler.pending).toBe(0);
    });

    it("an agent at real time: each frame leaves the moment it arrives", () => {
      const { time, pacer, sent } = setup(make);
      for (let i = 0; i < 20; i++) {
        pacer.push(FRAME());
        expect(sent).toHaveLength(i + 1);
        expect(sent[i]!.at).toBe(time.now);
        time.advance(20);
      }
    });

    it("drift-free: late timers do not slow the stream down", () => {
      const { time, pacer, sent } = setup(make, { lateMs: () => 7 });
      for (let i = 0; i < 500; i++) pacer.push(FRAME()); // 10 s
      const start = time.now;
      for (let t = 0; t < 12_000; t += 10) time.advance(10);
      expect(sent).toHaveLength(500);
      const span = sent[499]!.at - start;
      expect(span).toBeGreaterThanOrEqual(9880);
      expect(span).toBeLessThanOrEqual(9880 + 20);
    });

    it("clear drops everything held at once and zeroes the lead", () => {
      const { time, pacer, sent, scheduler } = setup(make);
      for (let i = 0; i < 50; i++) pacer.push(FRAME());
      time.advance(200);
      const before = sent.length;
      expect(pacer.clear()).toBe(50 - before);
      expect(pacer.queuedMs).toBe(0);
      expect(pacer.leadMs).toBe(0);
      expect(scheduler.pending).toBe(0);
      time.advance(1000);
      expect(sent).toHaveLength(before);
      expect(pacer.stats.framesCleared).toBe(50 - before);
      pacer.push(FRAME(), true);
      expect(sent.at(-1)!.startsTurn).toBe(true);
    });

    it("past its capacity the oldest frame is dropped and counted; the turn boundary survives", () => {
      const { pacer, sent } = setup(make, { capacityMs: 100, leadMs: 0.001 });
      pacer.push(FRAME(), true); // leaves at once (lead empty)
      const kept: Int16Array[] = [];
      for (let i = 0; i < 8; i++) {
        const frame = FRAME();
        kept.push(frame);
        pacer.push(frame, i === 0);
      }
      expect(pacer.stats.framesDropped).toBe(3);
      expect(pacer.queuedMs).toBe(100);
      expect(sent).toHaveLength(1);
      pacer.clear();
      // a fresh ring: the first survivor after a drop inherits the boundary
      pacer.push(FRAME(), true);
      expect(sent.at(-1)!.startsTurn).toBe(true);
    });

    it("a borrowed frame is sent as is when it can leave now, and copied when it has to wait", () => {
      const { time, pacer, sent } = setup(make);
      const now = new Int16Array(160).fill(1);
      pacer.push(now, false, true);
      expect(sent.at(-1)!.frame).toBe(now);
      for (let i = 0; i < 10; i++) pacer.push(FRAME());
      const later = new Int16Array(160).fill(7);
      pacer.push(later, false, true);
      later.fill(9); // the caller reuses its buffer
      time.advance(1000);
      expect(sent.at(-1)!.frame).not.toBe(later);
      expect(sent.at(-1)!.frame[0]).toBe(7);
    });

    it("calls onIdle once after the line has had nothing new for a while", () => {
      const { time, pacer, idles, scheduler } = setup(make);
      pacer.push(FRAME());
      time.advance(40);
      expect(idles()).toBe(0);
      time.advance(40);
      expect(idles()).toBe(1);
      time.advance(500);
      expect(idles()).toBe(1);
      expect(scheduler.pending).toBe(0);
    });

    it("holds frames until released, and accepts nothing after dispose", () => {
      const time = fakeClock();
      const scheduler = make(time.clock);
      const sent: number[] = [];
      const pacer = new FramePacer({
        leadMs: 100,
        capacityMs: 1000,
        frameMs: 20,
        sampleRate: 8000,
        idleAfterMs: 60,
        scheduler,
        send: () => sent.push(time.now),
        onIdle: () => {},
        held: true,
      });
      for (let i = 0; i < 3; i++) pacer.push(FRAME());
      time.advance(100);
      expect(sent).toHaveLength(0);
      pacer.release();
      expect(sent).toHaveLength(3);
      pacer.dispose();
      pacer.push(FRAME());
      time.advance(1000);
      expect(sent).toHaveLength(3);
      expect(scheduler.pending).toBe(0);
      expect(time.timers).toBe(0);
    });
  });
}
