// Where keys come from: $VOXWIRE_KEY, --key-stdin (one line), or argv with a one-line warning
// that other users can read a command line.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { captureIo } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { DIALECTS } from "../src/registry.js";

const KEY = "keys-secret-key-0042";
const WARNING =
  /^voxwire (check|probe|record|bridge): warning: a key on the command line is visible to other users \(ps, shell history\); use \$VOXWIRE_KEY or --key-stdin$/m;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

async function simulator(name: string): Promise<Simulator> {
  const sim = await startSimulator({ front: DIALECTS[name]!.front!(), fast: true, keys: [KEY] });
  cleanups.push(() => sim.close());
  return sim;
}

/** A CliIo whose standard input holds `text`. */
function withStdin(text: string, options: Parameters<typeof captureIo>[0] = {}) {
  const cli = captureIo(options);
  return { ...cli, io: { ...cli.io, stdin: Readable.from([text]) } };
}

describe("keys: $VOXWIRE_KEY, --key-stdin, or argv with a warning", () => {
  it("probe: the key from the environment or stdin starts a session, with no warning; argv warns on one line", async () => {
    const sim = await simulator("omni");
    const env = captureIo({ env: { VOXWIRE_KEY: KEY } });
    expect(await main(["probe", "--url", sim.url, "--json", "--quiet"], env.io)).toBe(0);
    expect(JSON.parse(env.stdout())).toMatchObject({ best: { dialect: "omni", verdict: "speaks" } });
    expect(env.stderr()).toBe("");

    const stdin = withStdin(`${KEY}\nnot read\n`);
    expect(await main(["probe", "--url", sim.url, "--key-stdin", "--json", "--quiet"], stdin.io)).toBe(0);
    expect(JSON.parse(stdin.stdout())).toMatchObject({ best: { dialect: "omni", verdict: "speaks" } });
    expect(stdin.stderr()).toBe("");

    const argv = captureIo({ env: { VOXWIRE_KEY: "not-this-one" } });
    expect(await main(["probe", "--url", sim.url, "--key", KEY, "--json", "--quiet"], argv.io)).toBe(0);
    expect(JSON.parse(argv.stdout())).toMatchObject({ best: { dialect: "omni", verdict: "speaks" } });
    expect(argv.stderr()).toMatch(WARNING);
    expect(argv.stderr().split("\n")).toHaveLength(2);
    expect(argv.stderr()).not.toContain(KEY);
  });

  it("record: the key from stdin (CRLF too), no warning; the key is in neither output nor file", async () => {
    const sim = await simulator("token-first");
    const dir = mkdtempSync(join(tmpdir(), "voxwire-keys-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, "stdin.jsonl");
    const cli = withStdin(`${KEY}\r\n`);
    expect(await main(["record", "token-first", "--url", sim.url, "--key-stdin", "--out", out, "--fast", "--quiet"], cli.io)).toBe(0);
    expect(cli.stdout()).toMatch(/^the session is recorded: /);
    expect(cli.stderr()).toBe("");
    expect(readFileSync(out, "utf8")).not.toContain(KEY);
  });

  it("check: $VOXWIRE_KEY is used for --url and ignored without it; --key-stdin needs --url", async () => {
    const sim = await simulator("omni");
    const live = captureIo({ env: { VOXWIRE_KEY: KEY } });
    expect(await main(["check", "omni", "--url", sim.url, "--only", "bootstrap", "--quiet"], live.io)).toBe(0);
    expect(live.stdout()).toMatch(/PASS {2}bootstrap/);
    expect(live.stderr()).toBe("");
    const stdin = withStdin(`${KEY}\n`);
    expect(await main(["check", "omni", "--url", sim.url, "--key-stdin", "--only", "bootstrap", "--quiet"], stdin.io)).toBe(0);
    const builtIn = captureIo({ env: { VOXWIRE_KEY: KEY } });
    expect(await main(["check", "omni", "--only", "golden", "--quiet"], builtIn.io)).toBe(0);
    expect(builtIn.stdout()).toMatch(/^omni {2}built-in simulator/);

    for (const [argv, message, io] of [
      [["check", "omni", "--key-stdin"], "--key-stdin goes with --url"],
      [["check", "--all", "--key-stdin"], "--all runs the built-in simulators: it takes no --key-stdin"],
      [["check", "omni", "--url", sim.url, "--key", "k", "--key-stdin"], "give the key one way: --key or --key-stdin"],
      [["check", "omni", "--url", sim.url, "--key-stdin"], "--key-stdin read no key", withStdin("\n").io],
      [["record", "omni", "--url", sim.url, "--out", "x.jsonl"], "--key is required (or $VOXWIRE_KEY, or --key-stdin)"],
    ] as const) {
      const cli = captureIo();
      expect(await main([...argv], io ?? cli.io), argv.join(" ")).toBe(2);
      if (!io) expect(cli.stderr()).toContain(message);
    }
  });

  it("every keyed command documents $VOXWIRE_KEY and --key-stdin in its usage", async () => {
    for (const name of ["check", "probe", "record", "bridge"]) {
      const usage = captureIo();
      await main([name, "--help"], usage.io);
      expect(usage.stdout(), name).toContain("--key-stdin");
      expect(usage.stdout(), name).toContain("VOXWIRE_KEY");
      expect(usage.stdout(), name).toContain("other users can see it");
    }
  });
});
