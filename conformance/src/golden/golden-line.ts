import { agentConfigSchema, wireAudioFormatSchema } from "@voxwire/core";
import { z } from "zod";

/*
 * The golden file format, defined once. A file is JSON Lines: a header naming the dialect, the
 * wire formats and the source, then one line per thing that crossed the wire, in order.
 * `dir: "in"` is peer → application, `"out"` application → peer. conformance/README.md
 * documents it with examples.
 */

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64");

/** An event in its golden form (see `GoldenEventJson`); checked against core's schemas by the reader. */
const goldenEvent = z.looseObject({ type: z.string().min(1) });

/** Where a line (or a file) comes from: a document and section, "voxwire choice, documented in …", or "recorded from …". */
const source = z.string().min(1);

/** Facts every line may carry. */
const common = {
  /** ms since the first line (recorded files). */
  atMs: z.number().nonnegative().optional(),
  /** This line's source, when it differs from the header's. */
  source: source.optional(),
  note: z.string().optional(),
};

export const goldenHeaderSchema = z.strictObject({
  /** Format version. */
  golden: z.literal(1),
  dialect: z.string().min(1),
  title: z.string().min(1),
  /** The source of every line unless a line names its own. */
  source: z.union([source, z.array(source).min(1)]),
  /** How to build the dialect under test (the registry's ClientTarget fields); `url` defaults to https://golden.invalid. */
  target: z
    .strictObject({
      url: z.string().optional(),
      key: z.string().optional(),
      agentId: z.string().optional(),
      sampleRate: z.number().int().positive().optional(),
    })
    .optional(),
  /** The wire formats: `outbound` is what the application sends, `inbound` what it receives. */
  audio: z.strictObject({ outbound: wireAudioFormatSchema, inbound: wireAudioFormatSchema }),
  /** The clock the dialect sees, ISO 8601 (a bootstrap answer with an `expiresAt`). */
  now: z.string().datetime({ offset: true }).optional(),
  /** The `agent` option of `connect()` the dialect sees (`DialectEnv.agent`): what a setup frame is built from. */
  agent: z.custom<z.infer<typeof agentConfigSchema>>((value) => agentConfigSchema.safeParse(value).success, "an AgentConfig").optional(),
});

/** One WebSocket message and the events it decodes to (`in`) or is encoded from (`out`). */
export const goldenFrameLineSchema = z.strictObject({
  ...common,
  dir: z.enum(["in", "out"]),
  frame: z.union([z.strictObject({ text: z.string() }), z.strictObject({ binary: base64 })]),
  events: z.array(goldenEvent),
  /**
   * An `out` frame sent as the socket opens, not from an event: the connect plan's `firstFrames`
   * (a first-message token), then the codec's `open()` frames (a setup message), in order.
   */
  plan: z.literal(true).optional(),
  /**
   * An `out` frame that is the next one the previous `out` line's events encode to (a tool
   * result and its follow-up request): the client side compares it with that frame; `events`
   * are what the peer decodes it to.
   */
  follows: z.literal(true).optional(),
  /** An `out` frame the codec owes the peer after the frames before it (`takeReplies()`: a `pong` for a `ping`), not from an event. */
  reply: z.literal(true).optional(),
  /**
   * Why only the client's side is checked for this line: a malformed or tolerated frame that no
   * peer would produce from events. Say why; the mirror check is the default.
   */
  oneWay: z.string().min(1).optional(),
});

/** The peer closed the socket; `events` are what the client's `close(code, reason)` yields. */
export const goldenCloseLineSchema = z.strictObject({
  ...common,
  dir: z.literal("in"),
  close: z.strictObject({ code: z.number().int(), reason: z.string() }),
  events: z.array(goldenEvent),
});

/** The WebSocket upgrade was answered with HTTP; `events` is the one error the client reports. */
export const goldenUpgradeLineSchema = z.strictObject({
  ...common,
  dir: z.literal("in"),
  upgrade: z.strictObject({ status: z.number().int(), body: z.string() }),
  events: z.array(goldenEvent).length(1),
});

/**
 * The socket the client dials: the plan's URL, subprotocols and upgrade headers, credentials
 * shown as [redacted] (a signed URL keeps its shape: only its secret parts are redacted).
 */
export const goldenConnectLineSchema = z.strictObject({
  ...common,
  dir: z.literal("out"),
  connect: z.strictObject({
    url: z.string().url(),
    protocols: z.array(z.string()).optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
});

/** The bootstrap request the dialect prepares, credentials shown as [redacted]. Headers listed must be sent; others may be. */
export const goldenRequestLineSchema = z.strictObject({
  ...common,
  dir: z.literal("out"),
  request: z.strictObject({
    method: z.enum(["GET", "POST"]),
    url: z.string().url(),
    headers: z.record(z.string(), z.string()),
    /** JSON bodies as JSON; anything else as its text. */
    body: z.unknown().optional(),
  }),
});

/** The bootstrap answer. A success must parse into a plan with the header's audio; a failure's `events` hold the one error. */
export const goldenResponseLineSchema = z.strictObject({
  ...common,
  dir: z.literal("in"),
  response: z.strictObject({
    status: z.number().int(),
    headers: z.record(z.string(), z.string()).optional(),
    /** JSON bodies as JSON; anything else as its text. */
    body: z.unknown(),
  }),
  events: z.array(goldenEvent).max(1).optional(),
});

export const goldenLineSchema = z.union([
  goldenFrameLineSchema,
  goldenConnectLineSchema,
  goldenCloseLineSchema,
  goldenUpgradeLineSchema,
  goldenRequestLineSchema,
  goldenResponseLineSchema,
]);

/** The schema a line claims by its kind key (`frame`, `close`, …), so a bad line gets that schema's message. */
export function goldenLineSchemaFor(value: unknown): typeof goldenLineSchema | (typeof goldenLineSchema.options)[number] {
  if (value === null || typeof value !== "object") return goldenLineSchema;
  if ("frame" in value) return goldenFrameLineSchema;
  if ("connect" in value) return goldenConnectLineSchema;
  if ("close" in value) return goldenCloseLineSchema;
  if ("upgrade" in value) return goldenUpgradeLineSchema;
  if ("request" in value) return goldenRequestLineSchema;
  if ("response" in value) return goldenResponseLineSchema;
  return goldenLineSchema;
}

export type GoldenHeader = z.infer<typeof goldenHeaderSchema>;
export type GoldenLine = z.infer<typeof goldenLineSchema>;
export type GoldenFrameLine = z.infer<typeof goldenFrameLineSchema>;
export type GoldenConnectLine = z.infer<typeof goldenConnectLineSchema>;
export type GoldenCloseLine = z.infer<typeof goldenCloseLineSchema>;
export type GoldenUpgradeLine = z.infer<typeof goldenUpgradeLineSchema>;
export type GoldenRequestLine = z.infer<typeof goldenRequestLineSchema>;
export type GoldenResponseLine = z.infer<typeof goldenResponseLineSchema>;
