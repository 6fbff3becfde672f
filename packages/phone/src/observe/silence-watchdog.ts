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
  callerSpeaking: () => boolean,
): BridgeTap | undefined {
  const { promptAfterMs, hangUpAfterMs } = options;
  if (promptAfterMs === undefined && hangUpAfterMs === undefined) return undefined;
  const scheduler = context.scheduler;
  let lastSoundAt = 0;
  let prompted = false;
  let running = false;

  const watchdog: Tickable = {
    tick(now) {
      if (!running) return;
      if (callerSpeaking()) lastSoundAt = now;
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
      scheduler.wake(watchdog, nextDue());
    },
  };

  function nextDue(): number {
    const dues: number[] = [];
    if (promptAfterMs !== undefined && !prompted) dues.push(lastSoundAt + promptAfterMs);
    if (hangUpAfterMs !== undefined) dues.push(lastSoundAt + hangUpAfterMs);
    // While the caller speaks, look again soon; otherwise sleep until the next threshold.
    return callerSpeaking() ? scheduler.now() + 250 : Math.min(...dues);
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
  };

  const offs = [
    b.on("call-started", () => {
      running = true;
      lastSoundAt = scheduler.now();
      scheduler.wake(watchdog, nextDue());
    }),
    b.on("ended", () => {
      running = false;
      scheduler.cancel(watchdog);
      for (const off of offs.splice(0)) off();
    }),
  ];

  return {
    callerAudio(_audio, now) {
      if (callerSpeaking()) sound(now);
    },
    agentAudioSent(_frame, _ms, _turn, _startsTurn, now) {
      sound(now);
    },
  };
}
