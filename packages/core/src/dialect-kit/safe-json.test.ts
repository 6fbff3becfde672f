import { fc, test } from "@fast-check/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { readJsonObject } from "./json-body.js";
import { readJsonFrame } from "./json-frame.js";
import { sessionStartedEvent } from "./session-started.js";

// A poisoned key, spelled plainly or with the `\u` escapes JSON allows for any letter.
const poisonKey = fc.constantFrom('"__proto__"', '"constructor"', '"prototype"', '"\\u005f_proto__"', '"__pr\\u006fto__"', '"c\\u006fnstructor"');
const payload = fc.constantFrom('{"isAdmin":true}', '{"prototype":{"isAdmin":true}}', '{"__proto__":{"isAdmin":true}}', "[1]", '"x"', "1");

/** A JSON object text (with a `type` tag) with a poisoned key injected into one of its objects, at any depth. */
const poisonedJson = fc.tuple(fc.jsonValue({ maxDepth: 3 }), poisonKey, payload, fc.nat()).map(([value, key, inject, pick]) => {
  const objects: string[] = [];
  const text = JSON.stringify({ type: "t", value }, (_k, v) => v);
  // Every `{` that opens an object (not inside a string) is a place to inject at.
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && inString) i++;
    else if (c === '"') inString = !inString;
    else if (c === "{" && !inString) objects.push(String(i));
  }
  const at = Number(objects[pick % objects.length]) + 1;
  const sep = text[at] === "}" ? "" : ",";
  return `${text.slice(0, at)}${key}:${inject}${sep}${text.slice(at)}`;
});

/** The merge every codebase has somewhere: the one a `__proto__` key turns into pollution. */
function naiveMerge(target: Record<string, unknown>, source: unknown): void {
  if (!source || typeof source !== "object") return;
  for (const key in source as Record<string, unknown>) {
    const value = (source as Record<string, unknown>)[key];
    if (value && typeof value === "object") {
      if (!target[key] || typeof target[key] !== "object") target[key] = {};
      naiveMerge(target[key] as Record<string, unknown>, value);
    } else target[key] = value;
  }
}

function assertClean(value: unknown): void {
  if (!value || typeof value !== "object") return;
  const proto = Object.getPrototypeOf(value);
  expect(proto === Object.prototype || proto === Array.prototype).toBe(true);
  for (const key of Object.keys(value)) {
    expect(["__proto__", "constructor", "prototype"]).not.toContain(key);
    assertClean((value as Record<string, unknown>)[key]);
  }
  if (!Array.isArray(value)) expect(typeof (value as { hasOwnProperty: unknown }).hasOwnProperty).toBe("function");
}

afterEach(() => {
  // A failing case must not poison the rest of the run.
  delete (Object.prototype as Record<string, unknown>).isAdmin;
});

describe("peer JSON never carries a prototype poison", () => {
  test.prop([poisonedJson])("readJsonFrame and readJsonObject drop __proto__/constructor/prototype at every depth", (text) => {
    const read = readJsonFrame(text, { dialect: "acme" });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const body = readJsonObject(text, { dialect: "acme", what: "the answer" });
    for (const value of [read.value.message, body]) {
      assertClean(value);
      naiveMerge({}, value);
      Object.assign({}, value);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(JSON.parse(JSON.stringify(value))).toEqual(value);
      expect(Object.entries({ ...value }).length).toBe(Object.keys(value).length);
    }
  });

  it("a plain __proto__ key, the case JSON.parse keeps as an own property", () => {
    const text = '{"type":"start","__proto__":{"isAdmin":true},"a":{"constructor":{"prototype":{"isAdmin":true}}}}';
    const read = readJsonFrame(text, { dialect: "acme" });
    if (!read.ok) throw new Error("expected a message");
    expect(Object.keys(read.value.message)).toEqual(["type", "a"]);
    naiveMerge({}, read.value.message);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("sessionStartedEvent's metadata keeps its own prototype, whatever the message holds", () => {
    const message = JSON.parse('{"type":"start","call_id":"c-1","__proto__":{"isAdmin":true},"tracks":["in"]}') as Record<string, unknown>;
    const event = sessionStartedEvent(message, "{}");
    if (event.type !== "session-started") throw new Error("expected session-started");
    expect(Object.getPrototypeOf(event.metadata)).toBe(Object.prototype);
    expect((event.metadata as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(event.metadata).toEqual({ tracks: ["in"] });
    expect(event.ids).toEqual({ call_id: "c-1" });
  });
});
