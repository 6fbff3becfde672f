// Writes conformance/golden/<dialect>/<scenario>.jsonl: the frames the vendor documents show,
// transcribed, plus the audio frames no document can show in full (a tone at the documented
// rate and frame size, in the documented shape). One module per dialect in golden/, sharing
// golden/shared.mjs; Node built-ins only, never voxwire code, so a golden cannot inherit an
// adapter's mistake. Each file's header names its source; a line taken from elsewhere names its own.
//
//   node conformance/scripts/make-golden.mjs                    write every dialect's files
//   node conformance/scripts/make-golden.mjs --dialect omni     write one dialect's
//   node conformance/scripts/make-golden.mjs --check            write nothing: exit 1 and list the
//                                                               files that differ, are missing or
//                                                               are extra (the drift test runs this)
//   … --root DIR                                                another folder instead of conformance/golden
//
// Exit codes: 0 written, or no drift; 1 drift (--check); 2 a usage error.
import { existsSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as asterisk from "./golden/asterisk.mjs";
import * as deepgram from "./golden/deepgram.mjs";
import * as elevenlabs from "./golden/elevenlabs.mjs";
import * as exotel from "./golden/exotel.mjs";
import * as gemini from "./golden/gemini.mjs";
import * as omni from "./golden/omni.mjs";
import * as omnia from "./golden/omnia.mjs";
import * as openai from "./golden/openai.mjs";
import * as orbitali from "./golden/orbitali.mjs";
import * as plivo from "./golden/plivo.mjs";
import { compareFiles, GOLDEN_ROOT, renderDialect, writeFiles } from "./golden/shared.mjs";
import * as signalwire from "./golden/signalwire.mjs";
import * as telnyx from "./golden/telnyx.mjs";
import * as tokenFirst from "./golden/token-first.mjs";
import * as twilio from "./golden/twilio.mjs";
import * as ultravox from "./golden/ultravox.mjs";
import * as vonage from "./golden/vonage.mjs";

const MODULES = [
  omni,
  tokenFirst,
  omnia,
  orbitali,
  twilio,
  openai,
  deepgram,
  elevenlabs,
  gemini,
  telnyx,
  plivo,
  asterisk,
  vonage,
  exotel,
  signalwire,
  ultravox,
];
const USAGE = `usage: node conformance/scripts/make-golden.mjs [--check] [--dialect ${MODULES.map((m) => m.dialect).join("|")}] [--root DIR]`;
const rerun = (dialect) => `node ${relative(process.cwd(), fileURLToPath(import.meta.url))}${dialect ? ` --dialect ${dialect}` : ""}`;

function usage(problem) {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

/** `--name VALUE` or `--name=VALUE` at args[i]: the value and how many arguments it took, else undefined. */
function option(args, i, name) {
  if (args[i] === name) {
    if (args[i + 1] === undefined || args[i + 1].startsWith("--")) usage(`${name} needs a value`);
    return { value: args[i + 1], used: 2 };
  }
  if (args[i].startsWith(`${name}=`)) return { value: args[i].slice(name.length + 1), used: 1 };
  return undefined;
}

let check = false;
let only;
let root = GOLDEN_ROOT;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; ) {
  const dialect = option(args, i, "--dialect");
  const dir = option(args, i, "--root");
  if (args[i] === "--check") {
    check = true;
    i++;
  } else if (dialect) {
    only = dialect.value;
    i += dialect.used;
  } else if (dir) {
    root = resolve(dir.value);
    i += dir.used;
  } else if (args[i] === "--help" || args[i] === "-h") {
    console.log(USAGE);
    process.exit(0);
  } else usage(`unknown argument: ${args[i]}`);
}

const modules = only === undefined ? MODULES : MODULES.filter((m) => m.dialect === only);
if (modules.length === 0) usage(`no golden module for dialect "${only}"`);
const near = relative(process.cwd(), root);
const shown = near === "" ? "." : near.startsWith("..") ? root : near;

const files = new Map();
for (const module of modules) for (const [path, body] of renderDialect(module)) files.set(path, body);

// A whole run also looks at folders no module writes: every file in one is extra.
const folders = existsSync(root)
  ? readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];
const folderSets = modules.flatMap((m) => m.dialects ?? [m.dialect]);
const dialects = only === undefined ? [...new Set([...folderSets, ...folders])].sort() : folderSets;

if (check) {
  const { differ, missing, extra } = compareFiles(files, dialects, root);
  if (differ.length + missing.length + extra.length === 0) {
    console.log(`${shown}: ${files.size} files, each as the generator writes it`);
    process.exit(0);
  }
  console.error(`${shown} has drifted from the generator: ${differ.length} differ, ${missing.length} missing, ${extra.length} extra`);
  for (const path of differ) console.error(`  differs  ${path}`);
  for (const path of missing) console.error(`  missing  ${path}`);
  for (const path of extra) console.error(`  extra    ${path}`);
  if (differ.length + missing.length) console.error(`differs/missing: run ${rerun(only)} and commit the result`);
  if (extra.length) console.error("extra: no module writes it; delete it, or add it to its dialect's module in conformance/scripts/golden/");
  process.exit(1);
}

writeFiles(files, root);
console.log(`wrote ${files.size} files under ${shown}`);
const { extra } = compareFiles(files, dialects, root);
if (extra.length) console.warn(`not written by any module (delete them, or add them to one):\n${extra.map((p) => `  ${join(shown, p)}`).join("\n")}`);
