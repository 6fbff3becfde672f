import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { captureIo, eventually, rawOmniClient } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";

describe("voxwire CLI", () => {
  it("lists its commands; usage errors exit 2", async () => {
    const help = captureIo();
    expect(await main(["--help"], help.io)).toBe(0);
    expect(help.stdout()).toMatch(/simulate\s+run a dialect's simulator/);
    for (const name of ["check", "probe", "record"]) expect(help.stdout()).toMatch(new RegExp(`\\n  ${name}\\s+\\S`));
    expect(await main([], captureIo().io)).toBe(2);
    const unknown = captureIo();
    expect(await main(["nope"], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain('unknown command "nope"');
    const badDialect = captureIo();
    expect(await main(["simulate", "acme"], badDialect.io)).toBe(2);
    expect(badDialect.stderr()).toContain('unknown dialect "acme"; known: omni');
    for (const argv of [
      ["simulate"],
      ["simulate", "omni", "--port", "70000"],
      ["simulate", "omni", "--max-sessions", "0"],
      ["simulate", "omni", "--bogus"],
    ]) {
      expect(await main(argv, captureIo().io)).toBe(2);
    }
    const usage = captureIo();
    expect(await main(["simulate", "--help"], usage.io)).toBe(0);
    expect(usage.stdout()).toContain("--max-sessions N");
  });

  it("simulate: prints the URL first, serves until stopped, then the records as JSON", async () => {
    const stop = new AbortController();
    const cli = captureIo({ signal: stop.signal });
    const exit = main(["simulate", "omni", "--port", "0", "--fast", "--key", "K1", "--json", "--quiet"], cli.io);
    await eventually(() => cli.stdout().includes("\n"));
    const [first] = cli.stdout().split("\n");
    expect(first).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
    const url = first!.replace("listening http", "ws");

    const client = await rawOmniClient(url, { key: "K1", rate: 16000 });
    await client.until(() => client.texts.some((t) => t.type === "hello"));
    client.socket.send(JSON.stringify({ type: "dtmf", digit: "3" }));
    client.socket.close();
    await client.closed;
    stop.abort();
    expect(await exit).toBe(0);
    const report = JSON.parse(cli.stdout().slice(first!.length + 1)) as {
      dialect: string;
      sessions: { rates: unknown; received: { dtmf: string[] } }[];
    };
    expect(report.dialect).toBe("omni");
    expect(report.sessions[0]).toMatchObject({ rates: { user: 16000, agent: 16000 }, received: { dtmf: ["3"] } });
    expect(cli.stderr()).toBe("");
  });

  it("simulate: --front-option passes a front's own options through, checked against what it declares", async () => {
    const stop = new AbortController();
    const cli = captureIo({ signal: stop.signal });
    const exit = main(["simulate", "omnia", "--fast", "--quiet", "--front-option", "createStatus=200", "--front-option", "debug"], cli.io);
    await eventually(() => cli.stdout().includes("\n"));
    const url = cli.stdout().split("\n")[0]!.replace("listening ", "");
    const created = await fetch(`${url}/api/v1/calls/create`, {
      method: "POST",
      headers: { "x-api-key": "voxwire-test-key", "content-type": "application/json" },
      body: JSON.stringify({ agentId: "a", connectionType: "websocket", websocket: { inputSampleRate: 16000, outputSampleRate: 16000 } }),
    });
    expect(created.status).toBe(200);
    stop.abort();
    expect(await exit).toBe(0);

    for (const [argv, message] of [
      [["simulate", "omnia", "--front-option", "createStatus=202"], "createStatus takes one of 200, 201"],
      [["simulate", "token-first", "--front-option", "tokenTtlMs=soon"], "tokenTtlMs takes a number"],
      [["simulate", "omni", "--front-option", "x=1"], 'no front option "x"; it takes none'],
    ] as const) {
      const bad = captureIo();
      expect(await main([...argv], bad.io)).toBe(2);
      expect(bad.stderr()).toContain(message);
    }
    const usage = captureIo();
    await main(["simulate", "--help"], usage.io);
    expect(usage.stdout()).toContain("token-first: tokenTtlMs=N");
  });

  it("the workspace launcher prints `listening …` as its first stdout line and exits 0 on SIGTERM", async () => {
    const launcher = fileURLToPath(new URL("../../dev-launcher/voxwire.mjs", import.meta.url));
    const child = spawn(process.execPath, [launcher, "simulate", "omni", "--port", "0", "--key", "K"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await eventually(() => stdout.includes("\n") || child.exitCode !== null);
    expect(stdout.split("\n")[0]).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 30_000);

  describe("through pnpm (npx pnpm@10, as the READMEs run it)", () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    /** Why pnpm cannot be run here (no npx, or pnpm@10 neither cached nor fetchable), or undefined. */
    const unreachable = (() => {
      const run = spawnSync(npx, ["--yes", "pnpm@10", "--version"], { cwd: root, encoding: "utf8", timeout: 60_000 });
      if (run.error) return `npx pnpm@10 cannot start: ${run.error.message}`;
      if (run.status !== 0 || !/^10\./.test(run.stdout.trim()))
        return `npx pnpm@10 --version exited ${run.status}: ${run.stderr.trim().split("\n")[0]}`;
      return undefined;
    })();

    it("a failing pnpm command says why (no silent reporter)", (ctx) => {
      if (unreachable) return ctx.skip(unreachable);
      const run = spawnSync(npx, ["--yes", "pnpm@10", "run", "nonexistent-script"], { cwd: root, encoding: "utf8", timeout: 60_000 });
      expect(run.status).toBe(1);
      // pnpm prints its errors on stdout.
      expect(`${run.stdout}${run.stderr}`).toContain("Missing script: nonexistent-script");
    }, 90_000);

    it("`npx pnpm@10 voxwire simulate omni --port 0`: `listening …` is the first stdout line (no pnpm banner)", async (ctx) => {
      if (unreachable) return ctx.skip(unreachable);
      // Its own process group, so that stopping it stops pnpm's child too.
      const child = spawn(npx, ["--yes", "pnpm@10", "voxwire", "simulate", "omni", "--port", "0"], {
        cwd: root,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
      try {
        await eventually(() => stdout.includes("\n") || child.exitCode !== null, "the first stdout line", 60_000);
        expect(stdout.split("\n")[0]).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
      } finally {
        if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
        await exited;
      }
    }, 90_000);
  });
});
