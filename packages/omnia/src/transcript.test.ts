import { fc, test } from "@fast-check/vitest";
import type { InboundEvent } from "@voxwire/core";
import { codecEnv } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { createdPlan, KEY } from "../test/fixtures.js";
import { omnia } from "./index.js";

const dialect = omnia({ apiKey: KEY, agentId: "agent_42", inputSampleRate: 48000 });
const plan = createdPlan(dialect);

type Wire = Record<string, unknown>;

/**
 * The oracle: the Omnia Voice guide's client's `_handle_data_message` (docs/sources.md) for
 * `transcript`, line for line. It returns what the guide's client emits as `output` (the text it displays, and `final`) for each agent message.
 */
function seedOutputs(messages: readonly Wire[]): Array<[string, boolean]> {
  let pendingOutput = "";
  const emitted: Array<[string, boolean]> = [];
  for (const msg of messages) {
    if (msg.role !== "agent") continue; // if msg["role"] != "agent": return
    if (pythonTruthy(msg.text)) {
      // if msg.get("text", None):
      pendingOutput = msg.text as string;
      emitted.push([msg.text as string, msg.final as boolean]);
    } else {
      pendingOutput += "delta" in msg ? (msg.delta as string) : ""; // += msg.get("delta", "")
      emitted.push([pendingOutput, msg.final as boolean]);
    }
    if (msg.final) pendingOutput = "";
  }
  return emitted;
}

/** Python truthiness for what the generator produces: strings, null, absent. */
function pythonTruthy(value: unknown): boolean {
  return typeof value === "string" ? value.length > 0 : false;
}

/** What our codec emits for the agent, in the oracle's shape. */
function ourOutputs(events: readonly InboundEvent[], role: "agent" | "user" = "agent"): Array<[string, boolean]> {
  return events.flatMap(
    (e): Array<[string, boolean]> =>
      (e.type === "transcript-delta" || e.type === "transcript-end") && e.role === role ? [[e.text, e.type === "transcript-end"]] : [],
  );
}

function decodeAll(messages: readonly Wire[]): InboundEvent[] {
  const codec = dialect.createCodec(plan, codecEnv());
  return messages.flatMap((m) => codec.decode(JSON.stringify(m)));
}

const words = fc.constantFrom("", "Hello", " world", "Hi,", " there", " ", "¿qué?", "😀", "a b");
/**
 * Every message the guide's client can handle without raising: `role` and `final` present, `text` a string,
 * null or absent, `delta` a string or absent (or null beside a non-empty `text`, as Ultravox sends
 * it: the guide's client never reads it then), sometimes Ultravox's `medium`/`ordinal`.
 */
const transcriptMessage: fc.Arbitrary<Wire> = fc
  .record({
    role: fc.constantFrom("agent", "agent", "user"),
    text: fc.option(fc.oneof(words, fc.string()), { nil: undefined }),
    textNull: fc.boolean(),
    delta: fc.option(fc.oneof(words, fc.string()), { nil: undefined }),
    final: fc.boolean(),
    ultravox: fc.boolean(),
    ordinal: fc.nat(50),
  })
  .map(({ role, text, textNull, delta, final, ultravox, ordinal }) => {
    const msg: Wire = { type: "transcript", role, final };
    if (text !== undefined) msg.text = text;
    else if (textNull) msg.text = null;
    if (delta !== undefined) msg.delta = delta;
    else if (typeof msg.text === "string" && msg.text !== "" && ultravox) msg.delta = null;
    if (ultravox) Object.assign(msg, { medium: "voice", ordinal });
    return msg;
  });

describe("transcript accumulation matches the Omnia Voice guide's client", () => {
  test.prop([fc.array(transcriptMessage, { maxLength: 40 })])(
    "agent texts equal what the guide's client displays, message for message",
    (messages) => {
      expect(ourOutputs(decodeAll(messages))).toEqual(seedOutputs(messages));
    },
  );

  test.prop([fc.array(transcriptMessage, { maxLength: 40 })])("user texts follow the same rules in their own accumulator", (messages) => {
    // The guide's client drops user transcripts; we run its algorithm on them as if they were the agent's.
    const asAgent = messages.filter((m) => m.role === "user").map((m) => ({ ...m, role: "agent" }));
    expect(ourOutputs(decodeAll(messages), "user")).toEqual(seedOutputs(asAgent));
  });

  test.prop([fc.array(transcriptMessage, { maxLength: 40 })])(
    "a delta event's text is the previous text plus its delta when it appended",
    (messages) => {
      const codec = dialect.createCodec(plan, codecEnv());
      const soFar = { user: "", agent: "" };
      for (const message of messages) {
        for (const event of codec.decode(JSON.stringify(message))) {
          if (event.type === "transcript-delta") {
            if (event.text.startsWith(soFar[event.role])) expect(event.text).toBe(soFar[event.role] + event.delta);
            soFar[event.role] = event.text;
          } else if (event.type === "transcript-end") {
            soFar[event.role] = "";
          }
        }
      }
    },
  );
});

describe("transcript rules, one by one", () => {
  const t = (fields: Wire) => JSON.stringify({ type: "transcript", role: "agent", ...fields });
  const run = (...frames: Wire[]) => {
    const codec = dialect.createCodec(plan, codecEnv());
    return frames.map((f) => codec.decode(t(f))[0]);
  };

  it("deltas append; the final carries the accumulated text; the next turn starts empty", () => {
    expect(
      run({ delta: "Hel", final: false }, { delta: "lo", final: false }, { delta: "!", final: true }, { delta: "Next", final: false }),
    ).toMatchObject([
      { type: "transcript-delta", delta: "Hel", text: "Hel" },
      { type: "transcript-delta", delta: "lo", text: "Hello" },
      { type: "transcript-end", text: "Hello!" },
      { type: "transcript-delta", delta: "Next", text: "Next" },
    ]);
  });

  it("text replaces; delta is the extension when it extends, the whole text when it rewrites", () => {
    expect(run({ text: "Hello", final: false }, { text: "Hello world", final: false }, { text: "Goodbye", final: false })).toMatchObject([
      { delta: "Hello", text: "Hello" },
      { delta: " world", text: "Hello world" },
      { delta: "Goodbye", text: "Goodbye" },
    ]);
  });

  it('text: "" is "no text": with a delta it appends, without it re-states; it never clears', () => {
    expect(run({ delta: "Hi", final: false }, { text: "", delta: "!", final: false }, { text: "", final: false })).toMatchObject([
      { text: "Hi" },
      { delta: "!", text: "Hi!" },
      { type: "transcript-delta", delta: "", text: "Hi!" },
    ]);
  });

  it("a final with neither field ends the turn with the text so far (possibly empty)", () => {
    expect(run({ delta: "Done", final: false }, { final: true }, { final: true })).toMatchObject([
      { text: "Done" },
      { type: "transcript-end", text: "Done" },
      { type: "transcript-end", text: "" },
    ]);
  });

  it("a final text replaces everything before it", () => {
    expect(run({ delta: "Helo", final: false }, { text: "Hello.", final: true })).toMatchObject([
      { text: "Helo" },
      { type: "transcript-end", text: "Hello." },
    ]);
  });

  it("beyond the guide's client: null or non-string delta appends nothing; missing or non-true final is not final", () => {
    expect(run({ delta: "A", final: false }, { text: null, delta: null, final: false }, { delta: 5 }, { delta: "B", final: "yes" })).toMatchObject([
      { text: "A" },
      { type: "transcript-delta", delta: "", text: "A" },
      { type: "transcript-delta", delta: "", text: "A" },
      { type: "transcript-delta", text: "AB" },
    ]);
  });

  it("user and agent turns accumulate separately", () => {
    const codec = dialect.createCodec(plan, codecEnv());
    const send = (role: string, fields: Wire) => codec.decode(JSON.stringify({ type: "transcript", role, ...fields }))[0];
    send("agent", { delta: "Hi ", final: false });
    send("user", { delta: "I need", final: false });
    expect(send("agent", { delta: "there", final: false })).toMatchObject({ role: "agent", text: "Hi there" });
    expect(send("user", { delta: " help", final: true })).toMatchObject({ type: "transcript-end", role: "user", text: "I need help" });
  });
});
