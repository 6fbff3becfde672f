import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (packages/omnia/test/seed-002 → ../../../..). */
export const REPO_ROOT = resolve(here, "../../../..");

/**
 * The folder of vendor documents (docs/sources.md; they are not in the repository):
 * `$VOXWIRE_SEEDS`, else `../shared/seeds` beside the repository.
 */
export const SEEDS_DIR = resolve(process.env.VOXWIRE_SEEDS || join(REPO_ROOT, "..", "shared", "seeds"));

/** The Omnia Voice guide's file name in that folder: its number, 002, then a suffix. */
const OMNIA_GUIDE = /^002_.*\.txt$/;

/** The create-call URL written into the guide's client: the one line the check replaces. */
export const SEED_CREATE_URL = "https://dashboard.omnia-voice.com/api/v1/calls/create";

const CLIENT_START = "#!/usr/bin/env python3";
/** The client's last lines: its entry point. */
const CLIENT_END = 'if __name__ == "__main__":\n    asyncio.run(main())';

/**
 * The Omnia Voice guide: `$SEED_002_FILE` (the document, or the client alone), else the `002_*.txt`
 * in SEEDS_DIR. `missing` says where it looked, for the skip message.
 */
export function findOmniaGuide(): { path: string } | { missing: string } {
  const given = process.env.SEED_002_FILE;
  if (given) return existsSync(given) ? { path: given } : { missing: `SEED_002_FILE=${given} does not exist` };
  const names = existsSync(SEEDS_DIR) ? readdirSync(SEEDS_DIR).filter((name) => OMNIA_GUIDE.test(name)) : [];
  if (names.length === 1) return { path: join(SEEDS_DIR, names[0]!) };
  const found = names.length === 0 ? "no 002_*.txt" : `${names.length} files named 002_*.txt`;
  return {
    missing: `the Omnia Voice guide (a vendor document, not in the repository: docs/sources.md) was not found: ${found} in ${SEEDS_DIR}; set VOXWIRE_SEEDS to the folder of vendor documents, or SEED_002_FILE to the document`,
  };
}

/**
 * The client's code as the document prints it, taken out at test time: from its
 * `#!/usr/bin/env python3` line to its `asyncio.run(main())` line (or the end of the text).
 */
export function seedClientCode(seedPath: string): string {
  const text = readFileSync(seedPath, "utf8");
  const start = text.indexOf(CLIENT_START);
  if (start < 0) throw new Error(`${seedPath}: no Python client found (no "${CLIENT_START}" line)`);
  const end = text.indexOf(CLIENT_END, start);
  return end < 0 ? text.slice(start) : text.slice(start, end + CLIENT_END.length);
}

/**
 * The guide's client with only the create-call URL changed (the key comes from OMNIA_API_KEY, as
 * the client reads it). Returns the code and the lines that differ from the guide's, for the check.
 */
export function seedClientFor(seedPath: string, createUrl: string): { code: string; changed: { before: string; after: string }[] } {
  const original = seedClientCode(seedPath);
  const code = original.split(SEED_CREATE_URL).join(createUrl);
  const before = original.split("\n");
  const after = code.split("\n");
  const changed = before.flatMap((line, i) => (line === after[i] ? [] : [{ before: line, after: after[i] ?? "" }]));
  return { code, changed };
}
