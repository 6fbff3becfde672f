import type { BridgeEvent } from "@voxwire/phone";

const CARRIER_LABELS: Readonly<Record<string, string>> = {
  twilio: "Twilio",
  telnyx: "Telnyx",
  plivo: "Plivo",
  asterisk: "Asterisk",
  vonage: "Vonage",
  exotel: "Exotel",
  signalwire: "SignalWire",
};

/** One progress line per event worth a line (audio-heard progress is too chatty). */
export function describe(event: BridgeEvent, carrier: string): string | undefined {
  switch (event.type) {
    case "call-started":
      return `call started (stream ${event.call.streamSid})`;
    case "agent-connected":
      return `agent connected (${event.dialect})`;
    case "barge-in":
      return `barge-in in turn ${event.turn}: cleared ${CARRIER_LABELS[carrier] ?? carrier}, dropped ${Math.round(event.droppedMs)} ms queued here`;
    case "agent-audio-heard":
      return event.final
        ? `turn ${event.turn}: caller heard ${event.heardMs} of ${event.sentMs} ms${event.interrupted ? " (interrupted)" : ""}`
        : undefined;
    case "dtmf":
      return `caller pressed ${event.digit}${event.forwarded ? " (forwarded)" : ""}`;
    case "transfer":
      return `agent asked for a transfer${event.reason ? `: ${event.reason}` : ""}`;
    case "error":
      return `${event.fatal ? "fatal " : ""}error on the ${event.leg} leg (${event.code}): ${event.message}`;
    case "ended":
      return `ended: ${event.reason} (${event.detail})`;
  }
}
