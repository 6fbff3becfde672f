import type { PhoneBridge } from "../bridge.js";
import type { PhoneCall } from "../bridge-events.js";
import type { Tickable } from "../pacing-scheduler.js";
import type { BridgeTap, TapContext } from "./bridge-tap.js";

/** What the silence hook is told. */
export interface SilenceInfo {
  /** How long the line has been silent, ms. */
  silentMs: number;
}

/**
 * The silence watchdog, off unless configured. The line is silent while the caller says nothing
 * (by the agent's speech events, else the bridge's energy detector) and no agent audio is
 * going out: an agent talking is not the caller's silence.
 */
export interface SilenceWatchdogOptions {
  /** After this much silence, `onSilence` runs (or the default prompt is sent) once per silent stretch. */
  promptAfterMs?: number;
  /** The default action's text to the agent (`session.sendText`, where its dialect takes text input). */
  prompt?: string;
  /** Replaces the default action: runs after `promptAfterMs` of silence. */
  onSilence?: (call: PhoneCall, info: SilenceInfo) => void | Promise<void>;
  /** After this much silence the call is ended on both legs, with reason `silence`. */
  hangUpAfterMs?: number;
}

/** Watches one call's silence on the bridge's scheduler: one wake-up at a time, none after the end. */
export function watchSilence(
  b: PhoneBridge,
  options: SilenceWatchdogOptions,
  context: TapContext,
  callerSpeaking: (now: number) => boolean,
): BridgeTap | undefined {
  const { promptAfterMs, hangUpAfterMs } = options;
  if (promptAfterMs === undefined && hangUpAfterMs === undefined) return undefined;
  const scheduler = context.scheduler;
  let lastSoundAt = 0;
  let prompted = false;
  let running = false;
  /** A wake-up is pending (none while only a hang-up-less prompt has already been made). */
  let armed = false;

  const watchdog: Tickable = {
    tick(now) {
      armed = false;
      if (!running) return;
      if (callerSpeaking(now)) {
        // Still in a stretch of voice (or its hangover): look again soon.
        arm(now + 250);
        return;
      }
      const silentMs = now - lastSoundAt;
      if (hangUpAfterMs !== undefined && silentMs >= hangUpAfterMs) {
        running = false;
        context.hangUp("silence", `silent for ${Math.round(silentMs)} ms`);
        return;
      }
      if (promptAfterMs !== undefined && !prompted && silentMs >= promptAfterMs) {
        prompted = true;
        prompt(silentMs);
      }
      arm(nextDue());
    },
  };

  /** The next threshold of this silent stretch; Infinity when none is left. */
  function nextDue(): number {
    let due = Number.POSITIVE_INFINITY;
    if (promptAfterMs !== undefined && !prompted) due = lastSoundAt + promptAfterMs;
    if (hangUpAfterMs !== undefined) due = Math.min(due, lastSoundAt + hangUpAfterMs);
    return due;
  }

  function arm(at: number): void {
    if (!running || at === Number.POSITIVE_INFINITY) return;
    armed = true;
    scheduler.wake(watchdog, at);
  }

  function prompt(silentMs: number): void {
    const call = b.call;
    if (!call) return;
    const hook = options.onSilence;
    if (hook) {
      void Promise.resolve()
        .then(() => hook(call, { silentMs }))
        .catch(() => undefined);
      return;
    }
    const agent = b.agent;
    if (options.prompt && agent?.capabilities.textInput && agent.state === "open") agent.sendText(options.prompt);
  }

  const sound = (now: number) => {
    lastSoundAt = now;
    prompted = false;
    if (!armed) arm(nextDue());
  };

  const offs = [
    b.on("call-started", () => {
      running = true;
      lastSoundAt = scheduler.now();
      arm(nextDue());
    }),
    b.on("ended", () => {
      running = false;
      armed = false;
      scheduler.cancel(watchdog);
      for (const off of offs.splice(0)) off();
    }),
  ];

  return {
    callerAudio(_audio, now) {
      if (callerSpeaking(now)) sound(now);
    },
    agentAudioSent(_frame, _ms, _turn, _startsTurn, now) {
      sound(now);
    },
  };
}
