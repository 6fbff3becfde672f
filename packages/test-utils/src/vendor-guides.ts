// The vendor documents (docs/sources.md, "Vendor documents (not public)"): they are not in the
// repository, so a test that runs a guide's own code takes that code out of the document when it
// runs, and is skipped, saying why, when the document is not there. Nothing here downloads anything.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (packages/test-utils/src → ../../..). */
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The documents by number (the prefix of their file names), under their docs/sources.md names. */
export const VENDOR_GUIDES = {
  "000": "Omni browser guide",
  "001": "token-first guide",
  "002": "Omnia Voice guide",
  "003": "Omni phone-bridge guide",
  "004": "Orbitali guide",
} as const;

export type VendorGuideNumber = keyof typeof VENDOR_GUIDES;

/** A document found: its docs/sources.md name, where it is, and its text. */
export interface VendorGuide {
  number: VendorGuideNumber;
  name: (typeof VENDOR_GUIDES)[VendorGuideNumber];
  path: string;
  text: string;
}

/**
 * The folder of vendor documents: `$VOXWIRE_SEEDS`, else `../shared/seeds` beside the repository.
 * Read when called, so a test can point it elsewhere.
 */
export function vendorGuidesDir(): string {
  return resolve(process.env.VOXWIRE_SEEDS || join(REPO_ROOT, "..", "shared", "seeds"));
}

/**
 * The vendor document numbered `number`: `$SEED_<number>_FILE` when set, else the one
 * `<number>_*.txt` in vendorGuidesDir(). When it is not there, `missing` says what was looked for
 * and where, for the test's skip message.
 */
export function findVendorGuide(number: VendorGuideNumber): VendorGuide | { number: VendorGuideNumber; name: string; missing: string } {
  const name = VENDOR_GUIDES[number];
  const found = (path: string): VendorGuide => ({ number, name, path, text: readFileSync(path, "utf8") });
  const variable = `SEED_${number}_FILE`;
  const given = process.env[variable];
  if (given) return existsSync(given) ? found(given) : { number, name, missing: `${variable}=${given} does not exist` };
  const dir = vendorGuidesDir();
  const pattern = new RegExp(`^${number}_.*\\.txt$`);
  const names = existsSync(dir) ? readdirSync(dir).filter((file) => pattern.test(file)) : [];
  if (names.length === 1) return found(join(dir, names[0]!));
  const what = names.length === 0 ? `no ${number}_*.txt` : `${names.length} files named ${number}_*.txt`;
  return {
    number,
    name,
    missing: `the ${name} (a vendor document, not in the repository: docs/sources.md) was not found: ${what} in ${dir}; set VOXWIRE_SEEDS to the folder of vendor documents, or ${variable} to the document`,
  };
}

const count = (text: string, part: string): number => text.split(part).length - 1;

/**
 * One of the document's code examples, as printed: from the line that reads exactly `first` to the
 * next line that reads exactly `last` (both included; lines compared without trailing blanks), or
 * to the end of the text when `last` is omitted. The documents are plain text, without code fences,
 * so the test names the example's first and last lines; `first` must be on exactly one line, so an
 * edited document fails loudly instead of yielding other code.
 */
export function codeBlock(guide: Pick<VendorGuide, "name" | "text">, first: string, last?: string): string {
  const lines = guide.text.split(/\r?\n/).map((line) => line.trimEnd());
  const starts = lines.flatMap((line, i) => (line === first ? [i] : []));
  if (starts.length !== 1) throw new Error(`${guide.name}: expected exactly one line reading ${JSON.stringify(first)}, found ${starts.length}`);
  const start = starts[0]!;
  if (last === undefined) return lines.slice(start).join("\n").trimEnd();
  const end = lines.indexOf(last, start + 1);
  if (end < 0) throw new Error(`${guide.name}: no line reading ${JSON.stringify(last)} after ${JSON.stringify(first)}`);
  return lines.slice(start, end + 1).join("\n");
}

/** One change a test makes to a guide's code: `from` (which must occur exactly once) becomes `to`. */
export interface Substitution {
  /** What is changed, for the error message: "the host", "the key". */
  what: string;
  from: string;
  to: string;
}

/**
 * `code` with each substitution applied in turn, each `from` required to occur exactly once, so a
 * changed document fails loudly rather than running with a value the test did not mean to leave.
 */
export function substituteOnce(code: string, substitutions: readonly Substitution[], where = "the guide's code"): string {
  return substitutions.reduce((result, { what, from, to }) => {
    const n = count(result, from);
    if (n !== 1) throw new Error(`${where}: ${what}: expected ${JSON.stringify(from)} exactly once, found it ${n} times`);
    return result.replace(from, () => to);
  }, code);
}
