import { randomBytes } from "node:crypto";
import { type SimulatedCallOptions, type SimulatedCarrierCall, simulateCarrierCall } from "@voxwire/phone/testing";
import { type ExotelOptions, exotel } from "../exotel.js";
import type { ExotelStreamIds } from "../wire.js";

export interface ExotelCallOptions extends SimulatedCallOptions, Pick<ExotelOptions, "sampleRate"> {
  customParameters?: Readonly<Record<string, string>>;
  headers?: Readonly<Record<string, string>>;
}

/** Caller audio goes out in 100 ms chunks, as the reference's timestamps (chunk n at n × 100 ms) read. */
const CALLER_FRAME_MS = 100;

/**
 * Acts as Exotel's Voicebot applet for one call: dials the stream URL, sends `connected` and
 * `start`, streams caller audio (16-bit PCM) at real time, presses keys, plays back what comes
 * (reporting chunks that break its size rules), echoes marks once played, honours `clear`
 * (echoing pending marks, as Twilio does), and sends `stop`.
 */
export function simulateExotelCall(options: ExotelCallOptions): SimulatedCarrierCall & { readonly ids: ExotelStreamIds } {
  const dialect = exotel(options.sampleRate ? { sampleRate: options.sampleRate } : {});
  const preparation = dialect.prepare({ runtime: "node", now: Date.now() });
  if (preparation.kind !== "plan") throw new Error("exotel() always has a plan");
  const plan = preparation.plan;
  const rate = plan.audio.inbound.sampleRate;
  const hex = () => randomBytes(16).toString("hex");
  const ids: ExotelStreamIds = { streamId: `MZ${hex()}`, callId: `CA${hex()}`, accountId: `AC${hex()}` };
  const call = simulateCarrierCall(
    {
      carrier: "exotel",
      peer: dialect.createPeerCodec!(plan),
      sampleRate: rate,
      frameMs: CALLER_FRAME_MS,
      bytesPerSample: 2,
      ids: { ...ids },
      opening: [
        { type: "session-accepted" },
        {
          type: "session-started",
          ids: { ...ids },
          metadata: { customParameters: { ...options.customParameters }, mediaFormat: { encoding: "audio/x-raw", sampleRate: rate, bitRate: 16 } },
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
