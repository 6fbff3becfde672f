// The never-throws properties every adapter's own decode fuzzing shares (the shared conformance
// suite fuzzes too, single frames from the goldens; these throw each adapter's own message
// shapes at one codec in sequences). Imported by relative path from the adapters' tests.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";

type Frame = string | Uint8Array;

/** The codec factories the properties need (structural, so an adapter's build types fit). */
export interface FuzzDialect<Plan> {
  createCodec(plan: Plan): {
    decode(frame: Frame): readonly { raw?: unknown; rawLength?: unknown }[];
    close(code: number, reason: string): readonly { type: string }[];
    upgradeRejected(status: number, body: string): { code: string };
  };
  createPeerCodec?(plan: Plan): { decode(frame: Frame): readonly unknown[] };
}

/**
 * Sequences of up to 20 frames: bytes up to `maxBytes`, or text that is any string, any JSON, or
 * one of `messages` (the wire's own shapes with fields of any value) as JSON.
 */
export function frameSequences(messages: fc.Arbitrary<unknown>, maxBytes: number): fc.Arbitrary<Frame[]> {
  const text = fc.oneof(
    fc.string(),
    fc.json(),
    messages.map((value) => JSON.stringify(value)),
  );
  return fc.array(fc.oneof(text, fc.uint8Array({ maxLength: maxBytes })), { maxLength: 20 });
}

/**
 * An event keeps its frame as `raw`: the frame itself, or, for a refused frame (oversize or
 * malformed), its first characters or bytes with `rawLength` giving the whole length.
 */
export function expectRawOf(event: { raw?: unknown; rawLength?: unknown }, frame: Frame): void {
  if (event.rawLength === undefined) {
    expect(event.raw).toBe(frame);
    return;
  }
  expect(event.rawLength).toBe(frame.length);
  const raw = event.raw as Frame;
  expect(raw.length).toBeLessThan(frame.length);
  if (typeof frame === "string") expect(frame.startsWith(raw as string)).toBe(true);
  else expect([...(raw as Uint8Array)]).toEqual([...frame.subarray(0, raw.length)]);
}

export interface DecodeNeverThrowsOptions<Peer> {
  /** Every frame gives at least one event (not only an array). */
  nonEmpty?: boolean;
  /** Puts a fresh peer codec in the state a live connection has (Twilio's: a stream started). */
  warmUpPeer?(peer: Peer): void;
  /** Checks `upgradeRejected` too (client dialects; default true). */
  upgradeRejected?: boolean;
}

/**
 * Registers the properties for one or more dialects (each with its plan; a case picks one): the
 * client codec turns every frame of a sequence into events that keep it as `raw`, the peer
 * codec into an array, and any close code ends the session (a refused upgrade is a typed error).
 */
export function decodeNeverThrows<Plan, D extends FuzzDialect<Plan>>(
  subjects: readonly { dialect: D; plan: Plan }[],
  frames: fc.Arbitrary<Frame[]>,
  options: DecodeNeverThrowsOptions<ReturnType<NonNullable<D["createPeerCodec"]>>> = {},
): void {
  const which = fc.integer({ min: 0, max: subjects.length - 1 });
  test.prop([which, frames])("client codec: every frame gives events that keep it as raw", (i, sequence) => {
    const { dialect, plan } = subjects[i]!;
    const codec = dialect.createCodec(plan);
    for (const frame of sequence) {
      const events = codec.decode(frame);
      expect(Array.isArray(events)).toBe(true);
      if (options.nonEmpty) expect(events.length).toBeGreaterThan(0);
      for (const event of events) expectRawOf(event, frame);
    }
  });

  test.prop([which, frames])("peer codec: every frame gives an array", (i, sequence) => {
    const { dialect, plan } = subjects[i]!;
    const codec = dialect.createPeerCodec!(plan) as ReturnType<NonNullable<D["createPeerCodec"]>>;
    options.warmUpPeer?.(codec);
    for (const frame of sequence) expect(Array.isArray(codec.decode(frame))).toBe(true);
  });

  const upgrade = options.upgradeRejected ?? true;
  test.prop([which, fc.integer({ min: 0, max: 65535 }), fc.string()])(
    upgrade ? "closes end the session; refused upgrades are typed" : "closes end the session",
    (i, code, reason) => {
      const { dialect, plan } = subjects[i]!;
      const codec = dialect.createCodec(plan);
      expect(codec.close(code, reason).at(-1)?.type).toBe("session-ended");
      if (upgrade) expect(codec.upgradeRejected(code, reason).code).toEqual(expect.any(String));
    },
  );
}
