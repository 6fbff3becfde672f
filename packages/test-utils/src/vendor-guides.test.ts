// findVendorGuide, codeBlock and substituteOnce on a made-up document (never a vendor's).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeBlock, findVendorGuide, substituteOnce } from "./vendor-guides.js";

const DOCUMENT = [
  "A guide",
  "",
  "Step 1",
  "function start() {",
  '  connect("wss://example.test", "KEY");',
  "}   ",
  "Then",
  "function start() {",
].join("\n");

let dir: string;
const saved = { seeds: process.env.VOXWIRE_SEEDS, file: process.env.SEED_004_FILE };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "voxwire-guides-"));
  process.env.VOXWIRE_SEEDS = dir;
  delete process.env.SEED_004_FILE;
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const [variable, value] of [
    ["VOXWIRE_SEEDS", saved.seeds],
    ["SEED_004_FILE", saved.file],
  ] as const)
    if (value === undefined) delete process.env[variable];
    else process.env[variable] = value;
});

describe("findVendorGuide", () => {
  it("finds the one <number>_*.txt in $VOXWIRE_SEEDS, under its docs/sources.md name", () => {
    writeFileSync(join(dir, "004_abc.txt"), DOCUMENT);
    writeFileSync(join(dir, "001_abc.txt"), "another");
    expect(findVendorGuide("004")).toEqual({ number: "004", name: "Orbitali guide", path: join(dir, "004_abc.txt"), text: DOCUMENT });
  });

  it("says what it looked for and where when the document is absent or ambiguous", () => {
    expect(findVendorGuide("004")).toMatchObject({
      missing: expect.stringContaining(
        `the Orbitali guide (a vendor document, not in the repository: docs/sources.md) was not found: no 004_*.txt in ${dir}`,
      ),
    });
    writeFileSync(join(dir, "004_a.txt"), "");
    writeFileSync(join(dir, "004_b.txt"), "");
    expect(findVendorGuide("004")).toMatchObject({ missing: expect.stringContaining("2 files named 004_*.txt") });
    process.env.VOXWIRE_SEEDS = join(dir, "nonexistent");
    expect(findVendorGuide("004")).toMatchObject({ missing: expect.stringContaining("no 004_*.txt") });
  });

  it("prefers $SEED_<number>_FILE", () => {
    const file = join(dir, "elsewhere.txt");
    writeFileSync(file, "given");
    process.env.SEED_004_FILE = file;
    expect(findVendorGuide("004")).toMatchObject({ path: file, text: "given" });
    process.env.SEED_004_FILE = join(dir, "none.txt");
    expect(findVendorGuide("004")).toMatchObject({ missing: `SEED_004_FILE=${join(dir, "none.txt")} does not exist` });
  });
});

describe("codeBlock", () => {
  const guide = { name: "Orbitali guide" as const, text: DOCUMENT };

  it("takes the lines from `first` to the next line reading `last`, trailing blanks dropped", () => {
    expect(codeBlock(guide, "Step 1", "}")).toBe(["Step 1", "function start() {", '  connect("wss://example.test", "KEY");', "}"].join("\n"));
    expect(codeBlock(guide, "Then")).toBe("Then\nfunction start() {");
  });

  it("fails loudly when `first` is not on exactly one line, or `last` never follows", () => {
    expect(() => codeBlock(guide, "function start() {", "}")).toThrow(
      'Orbitali guide: expected exactly one line reading "function start() {", found 2',
    );
    expect(() => codeBlock(guide, "Step 2", "}")).toThrow("found 0");
    expect(() => codeBlock(guide, "Then", "}")).toThrow('no line reading "}" after "Then"');
  });
});

describe("substituteOnce", () => {
  const code = 'connect("wss://example.test", "KEY"); // KEY';

  it("applies each substitution, in turn", () => {
    expect(
      substituteOnce(code, [
        { what: "the host", from: "wss://example.test", to: "ws://127.0.0.1:1" },
        { what: "the key", from: '"KEY"', to: '"k$&"' },
      ]),
    ).toBe('connect("ws://127.0.0.1:1", "k$&"); // KEY');
  });

  it("fails loudly unless each `from` occurs exactly once", () => {
    expect(() => substituteOnce(code, [{ what: "the key", from: "KEY", to: "k" }], "the page")).toThrow(
      'the page: the key: expected "KEY" exactly once, found it 2 times',
    );
    expect(() => substituteOnce(code, [{ what: "the host", from: "https://", to: "http://" }])).toThrow("found it 0 times");
  });
});
