/* The audio benchmark: `npx pnpm@10 bench` from the repo root. Figures, not tests. */
import { mkdirSync, writeFileSync } from "node:fs";
import { benchBase64 } from "./base64.js";
import { benchCodecs } from "./codecs.js";
import { benchDesigns } from "./designs.js";
import { machine } from "./harness.js";
import { benchResamplers } from "./resamplers.js";

const only = process.argv[2];
const parts: string[] = [];
const log = (text: string) => {
  console.log(`${text}\n`);
  parts.push(text);
};
log(`Machine: ${machine()}. Run ${new Date().toISOString().slice(0, 10)}.`);
if (only === undefined || only === "designs") log(benchDesigns());
if (only === undefined || only === "codecs") log(benchCodecs());
if (only === undefined || only === "base64") log(benchBase64());
if (only === undefined || only === "resamplers") log(await benchResamplers());
if (only === undefined) {
  const dir = new URL("results/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL("latest.md", dir), `${parts.join("\n\n")}\n`);
}
