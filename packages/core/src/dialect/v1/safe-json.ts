/** Keys a naive merge or `Object.assign` turns into a prototype write; dropped from peer JSON. */
const POISON_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Only text that could spell one of those keys needs the (slower) reviver: the names themselves,
 * or a `\u` escape, the one way JSON can write their letters differently.
 */
const MAY_POISON = /__proto__|constructor|prototype|\\u/;

function dropPoison(key: string, value: unknown): unknown {
  return POISON_KEYS.has(key) ? undefined : value;
}

/**
 * `JSON.parse` for text a peer wrote: objects keep their ordinary prototype (so spreading,
 * `Object.entries`, `String()` and `JSON.stringify` behave as usual) but never carry a
 * `__proto__`, `constructor` or `prototype` key, at any depth. Throws as `JSON.parse` does.
 */
export function parsePeerJson(text: string): unknown {
  return MAY_POISON.test(text) ? JSON.parse(text, dropPoison) : JSON.parse(text);
}

/** Whether a key must not be copied from peer data onto an object. */
export function isPoisonKey(key: string): boolean {
  return POISON_KEYS.has(key);
}
