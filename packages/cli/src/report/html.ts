/**
 * HTML built by construction: `html` escapes every interpolated value unless it is markup
 * that `html` (or `trusted`) made. Strings from a run (a vendor's error text, a dialect's name,
 * an event's name) can only ever be text in the page.
 */
export class Markup {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

/** A value `html` can place: markup, text, a number, a list of them; nothing for null, undefined and false. */
export type Part = Markup | string | number | boolean | null | undefined | readonly Part[];

/** Escapes text for an element's content and for a quoted attribute alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function html(strings: TemplateStringsArray, ...values: readonly Part[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += place(values[i]) + strings[i + 1]!;
  return new Markup(out);
}

/** Markup written in this module's code (styles, fixed fragments): never text from a run. */
export function trusted(text: string): Markup {
  return new Markup(text);
}

function place(value: Part): string {
  if (value instanceof Markup) return value.toString();
  if (Array.isArray(value)) return value.map(place).join("");
  if (value === null || value === undefined || value === false) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return escapeHtml(String(value));
}

/** A number for an SVG coordinate: two decimals at most, 0 for anything not finite. */
export function n(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

/** ms for a label: `41 ms`, `2.5 s`. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return "–";
  if (Math.abs(value) >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (Math.abs(value) >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value)} ms`;
}
