/**
 * `JSON.parse` for text a peer wrote: objects keep their ordinary prototype (so spreading,
 * `Object.entries`, `String()` and `JSON.stringify` behave as usual) but never carry a
 * `__proto__`, `constructor` or `prototype` key, at any depth: the keys a naive merge or
 * `Object.assign` turns into a prototype write. Throws as `JSON.parse` does.
 *
 * The parsed value is scrubbed in place rather than parsed with a reviver: a reviver calls back
 * for every value and doubles the cost of a large audio frame, while the scrub costs three
 * property checks per object (an audio frame has one).
 */
export function parsePeerJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  scrub(value);
  return value;
}

/** Whether a key must not be copied from peer data onto an object. */
export function isPoisonKey(key: string): boolean {
  return key === "__proto__" || key === "constructor" || key === "prototype";
}

/** A variable, not a literal: `record.__proto__` would read as the accessor it is not here. */
const PROTO = "__proto__";

function scrub(value: unknown): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) scrub(value[i]);
    return;
  }
  const record = value as { [key: string]: unknown; constructor?: unknown };
  // JSON.parse makes "__proto__" an own data property; `delete` removes that, not the prototype.
  if (Object.hasOwn(record, PROTO)) delete record[PROTO];
  if (Object.hasOwn(record, "constructor")) delete record.constructor;
  if (Object.hasOwn(record, "prototype")) delete record.prototype;
  for (const key in record) scrub(record[key]);
}
