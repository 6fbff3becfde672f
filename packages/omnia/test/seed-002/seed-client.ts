import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (packages/omnia/test/seed-002 → ../../../..). */
export const REPO_ROOT = resolve(here, "../../../..");

/** The create-call URL written into seed 002's client: the one line the check replaces. */
export const SEED_CREATE_URL = "https://dashboard.omnia-voice.com/api/v1/calls/create";

/**
 * Seed 002's Python client: `$SEED_002_FILE` (the vendor document, or the client alone), else the
 * copy committed beside this file, transcribed verbatim from the document (see README.md).
 */
export function findSeed002(): string | undefined {
  if (process.env.SEED_002_FILE) return existsSync(process.env.SEED_002_FILE) ? process.env.SEED_002_FILE : undefined;
  const committed = join(here, "omnia_websocket_client.py");
  return existsSync(committed) ? committed : undefined;
}

/** The client's code as the document prints it: from its `#!/usr/bin/env python3` line to the end. */
export function seedClientCode(seedPath: string): string {
  const text = readFileSync(seedPath, "utf8");
  const start = text.indexOf("#!/usr/bin/env python3");
  if (start < 0) throw new Error(`${seedPath}: no Python client found (no "#!/usr/bin/env python3" line)`);
  return text.slice(start);
}

/**
 * The seed's client with only the create-call URL changed (the key comes from OMNIA_API_KEY, as
 * the seed reads it). Returns the code and the lines that differ from the seed's, for the check.
 */
export function seedClientFor(seedPath: string, createUrl: string): { code: string; changed: { before: string; after: string }[] } {
  const original = seedClientCode(seedPath);
  const code = original.split(SEED_CREATE_URL).join(createUrl);
  const before = original.split("\n");
  const after = code.split("\n");
  const changed = before.flatMap((line, i) => (line === after[i] ? [] : [{ before: line, after: after[i] ?? "" }]));
  return { code, changed };
}
