/**
 * Brands make `isInstance` work where `instanceof` cannot: two copies of the package (an ESM and
 * a CJS build, or two versions in one bundle) have two class objects, but `Symbol.for` returns
 * the same symbol for the same key in every copy.
 */

/**
 * The brand of one error class. Keyed by name and code together, so a third-party class that
 * reuses a code (or a name) does not pass for a voxwire class whose fields it may lack.
 */
export function errorBrand(name: string, code: string): symbol {
  return Symbol.for(`voxwire.error:${name}:${code}`);
}

/** Stamps `brand` on an instance: non-enumerable, so JSON and deep equality do not see it. */
export function brandInstance(target: object, brand: symbol): void {
  Object.defineProperty(target, brand, { value: true });
}

/** True when `value` is an object stamped with `brand`, from whichever copy of the package made it. */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
