import { randomUUID } from "node:crypto";
import { type SimulatedCallOptions, type SimulatedCarrierCall, simulateCarrierCall } from "@voxwire/phone/testing";
import { type TelnyxOptions, telnyx } from "../telnyx.js";
import type { TelnyxStreamIds } from "../wire.js";

export interface TelnyxCallOptions extends SimulatedCallOptions, Pick<TelnyxOptions, "codec" | "sampleRate"> {
  /** `start.custom_parameters`. */
  customParameters?: Readonly<Record<string, string>>;
  /** Fixed ids (default: fresh random ones). */
  ids?: Partial<TelnyxStreamIds>;
  /** Extra upgrade headers. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * Acts as Telnyx for one call: dials the application's stream URL, sends `connected` and
 * `start` (the codec and rate given), streams caller audio in 20 ms `media` frames at real time,
 * presses keys, plays back what comes at real time, echoes each mark once its audio has played,
 * honours `clear` (echoing pending marks, as Telnyx documents), and sends `stop` on hang-up.
 */
export function simulateTelnyxCall(options: TelnyxCallOptions): SimulatedCarrierCall & { readonly ids: TelnyxStreamIds } {
  const dialect = telnyx({ ...(options.codec ? { codec: options.codec } : {}), ...(options.sampleRate ? { sampleRate: options.sampleRate } : {}) });
  const preparation = dialect.prepare({ runtime: "node", now: Date.now() });
  if (preparation.kind !== "plan") throw new Error("telnyx() always has a plan");
  const plan = preparation.plan;
  const format = plan.audio.inbound;
  const codec = format.encoding === "mulaw" ? "PCMU" : format.encoding === "alaw" ? "PCMA" : "L16";
  const ids: TelnyxStreamIds = {
    streamId: options.ids?.streamId ?? randomUUID().toUpperCase(),
    callId: options.ids?.callId ?? `v3:${randomUUID().replaceAll("-", "")}`,
    callSessionId: options.ids?.callSessionId ?? randomUUID(),
    accountId: options.ids?.accountId ?? randomUUID(),
  };
  const call = simulateCarrierCall(
    {
      carrier: "telnyx",
      peer: dialect.createPeerCodec!(plan),
      sampleRate: format.sampleRate,
      bytesPerSample: codec === "L16" ? 2 : 1,
      ids: { ...ids },
      opening: [
        { type: "session-accepted" },
        {
          type: "session-started",
          ids: { ...ids },
          metadata: {
            customParameters: { ...options.customParameters },
            mediaFormat: { encoding: codec, sampleRate: format.sampleRate, channels: 1 },
          },
        },
      ],
      goodbye: [{ type: "session-ended", reason: "stop" }],
      clearEchoesMarks: true,
      ...(options.headers ? { headers: options.headers } : {}),
    },
    options,
  );
  return Object.assign(call, { ids });
}
