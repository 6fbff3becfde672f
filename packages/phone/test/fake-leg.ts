import {
  accept,
  base64Decode,
  base64Encode,
  closeEvents,
  type DialectCapabilities,
  defineDialect,
  httpError,
  NO_CAPABILITIES,
  pcm16FromBytes,
  pcm16ToBytes,
} from "@voxwire/core";
import { FakeSocket } from "@voxwire/test-utils";

/*
 * A carrier leg no carrier speaks, so the bridge is tested on its own terms: JSON text, PCM16
 * (little-endian, base64) at any rate both ways, marks where asked for, flow control messages
 * the leg's flow signal reads.
 */
const NAME = "fake-carrier";

export function fakeLeg(options: { rate?: number; marks?: boolean } = {}) {
  const rate = options.rate ?? 16000;
  const capabilities: DialectCapabilities = { ...NO_CAPABILITIES, clearOut: true, marks: options.marks ?? true, dtmfIn: true };
  const format = { encoding: "pcm16", sampleRate: rate, frameMs: 20 } as const;
  const dialect = defineDialect({
    name: NAME,
    role: "server",
    capabilities,
    prepare: () => ({ kind: "plan", plan: { url: "/fake", audio: { outbound: format, inbound: format }, secrets: [] } }),
    createCodec() {
      let started = false;
      return {
        get ready() {
          return started;
        },
        decode(frame) {
          const m = JSON.parse(frame as string) as Record<string, string>;
          switch (m.t) {
            case "start":
              started = true;
              return [
                { type: "session-started", ids: { callId: m.call ?? "", streamId: "S1" }, metadata: { customParameters: { k: "v" } }, raw: frame },
              ];
            case "audio":
              return [{ type: "audio-chunk", audio: pcm16FromBytes(base64Decode(m.pcm!)), sampleRate: rate, raw: frame }];
            case "mark":
              return [{ type: "mark-played", name: m.name!, raw: frame }];
            case "stop":
              return [{ type: "session-ended", reason: "stop", raw: frame }];
            default:
              return [{ type: "passthrough", name: m.t ?? "", payload: m, raw: frame }];
          }
        },
        encode(event) {
          if (event.type === "audio-append") return [JSON.stringify({ t: "audio", pcm: base64Encode(pcm16ToBytes(event.audio)) })];
          if (event.type === "mark") return [JSON.stringify({ t: "mark", name: event.name })];
          if (event.type === "playback-clear") return ['{"t":"clear"}'];
          return [];
        },
        close: (code, reason) => closeEvents(code, reason, NAME),
        upgradeRejected: (status, body) => httpError(status, body, NAME),
      };
    },
  });
  const socket = new FakeSocket(undefined, { open: true });
  const session = accept(dialect, socket);
  let read = 0;
  return {
    session,
    socket,
    /** The carrier sends one message. */
    send(message: Record<string, unknown>): void {
      socket.receive(JSON.stringify(message));
    },
    start(): void {
      this.send({ t: "start", call: "C1" });
    },
    audio(samples: Int16Array): void {
      this.send({ t: "audio", pcm: base64Encode(pcm16ToBytes(samples)) });
    },
    /** What was sent to the carrier since the last call. */
    fresh(): Record<string, string>[] {
      const frames = socket.sent.slice(read);
      read = socket.sent.length;
      return frames.map((f) => JSON.parse(f as string) as Record<string, string>);
    },
  };
}

export { FakeAgent } from "@voxwire/test-utils";
