// `npx pnpm@10 test`: every check and every test, then one summary line.
// Steps: install what tests need from Debian (Chromium and Firefox ESR for the real-browser
// tests), build, typecheck, lint, packaging checks (publint, attw); install the other runtimes
// tests run under from the npm registry (Node 22 and 24 by scripts/ensure-node.mjs; Bun, Deno and
// Miniflare by scripts/ensure-runtime.mjs); then, in parallel, the whole vitest suite on this
// machine's Node and the suites of core, the adapters and conformance under each pinned Node
// major. Last, the README's runtime table is rendered from the reports (scripts/runtime-matrix.mjs).
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { SUITE_EXCLUDE, SUITE_PROJECTS } from "./runtime-matrix.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const run = (label, command, args) => {
  process.stderr.write(`\n── ${label}\n`);
  return spawnSync(command, args, { cwd: root, stdio: "inherit" }).status === 0;
};
/** `run`, keeping stdout (a printed path) and the last line of stderr (the reason it failed). */
const capture = (label, command, args) => {
  process.stderr.write(`\n── ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8" });
  process.stderr.write(result.stderr ?? "");
  return { ok: result.status === 0, stdout: result.stdout.trim(), stderr: result.stderr ?? "" };
};

const checks = [
  ["Debian packages for tests", "bash", [`${root}scripts/ensure-debian-packages.sh`, "chromium:chromium", "firefox-esr:firefox-esr"]],
  ["build, typecheck, lint, packaging", bin("turbo"), ["run", "build", "typecheck", "lint", "check:package", "--output-logs=errors-only"]],
];
let checksPassed = 0;
let checksFailed = 0;
for (const [label, command, args] of checks) {
  if (run(label, command, args)) checksPassed++;
  else checksFailed++;
}

// Not checks: a test that needs a runtime it cannot get skips, saying why (the summary counts it).
const lastLine = (text) => text.trim().split("\n").at(-1) ?? "";
const majors = Object.keys(JSON.parse(readFileSync(`${root}scripts/node-runtimes.json`, "utf8"))).filter((key) => /^\d+$/.test(key));
const nodes = {};
for (const major of majors) {
  const result = capture(`Node ${major} for tests`, process.execPath, [`${root}scripts/ensure-node.mjs`, major]);
  if (result.ok) nodes[major] = lastLine(result.stdout);
  else {
    nodes[major] = { unavailable: lastLine(result.stderr).replace(/^ensure-node: /, "") || `Node ${major} could not be installed` };
    process.stderr.write(`(tests that run under Node ${major} will skip)\n`);
  }
}
for (const name of ["bun", "deno", "miniflare"]) {
  if (!capture(`${name} for tests`, process.execPath, [`${root}scripts/ensure-runtime.mjs`, name]).ok) {
    process.stderr.write(`(tests that run under ${name} will skip)\n`);
  }
}

const reportDir = `${root}.voxwire-tmp`;
mkdirSync(reportDir, { recursive: true });
const reportOf = (name) => `${reportDir}/vitest-${name}.json`;

/** One line per failed test (or file that could not load) of a vitest JSON report: where, which, and its first message line. */
function failures(json) {
  const lines = [];
  for (const file of json.testResults ?? []) {
    const where = relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failed) lines.push(`${where} > ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
    if (failed.length === 0 && file.status === "failed") lines.push(`${where}: ${firstLine(file.message)}`);
  }
  return lines;
}
const firstLine = (text) => (text ?? "").split("\n").find((l) => l.trim() !== "") ?? "(no message)";

/** A vitest run as a child process; resolves with its exit code. `log`: its output goes there instead of the terminal. */
function vitest(node, args, log) {
  return new Promise((resolve) => {
    const child = spawn(node, [`${root}node_modules/vitest/vitest.mjs`, "run", ...args], {
      cwd: root,
      stdio: log ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    if (log) {
      const out = createWriteStream(log);
      child.stdout.pipe(out);
      child.stderr.pipe(out);
    }
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

// The suites under each pinned Node, beside the main run (their tests wait on sockets more than they
// compute). `--no-isolate`: one module graph per worker, which halves their time (their files hold
// no global state across files, and they pass isolated on this machine's Node in the main run).
// One worker each: the main run keeps the cores it needs for its real-time browser audio. A test's
// default deadline (a hang guard, not a measure) is 15 s there instead of 5: they share the cores.
const suiteArgs = (name) => [
  ...SUITE_PROJECTS.flatMap((project) => ["--project", project]),
  "--exclude",
  SUITE_EXCLUDE,
  "--exclude",
  "**/node_modules/**",
  "--no-isolate",
  "--maxWorkers=1",
  "--testTimeout=15000",
  "--reporter=dot",
  "--reporter=json",
  `--outputFile.json=${reportOf(name)}`,
];
const runs = [{ name: "main", label: `vitest (Node ${process.versions.node})` }];
for (const [major, node] of Object.entries(nodes)) {
  if (typeof node === "string")
    runs.push({ name: `node${major}`, label: `suites under Node ${major}`, node, log: `${reportDir}/vitest-node${major}.log` });
}
for (const { name } of runs) rmSync(reportOf(name), { force: true });
process.stderr.write(
  `\n── ${runs.map((r) => r.label).join(", ")}, in parallel${runs.length > 1 ? " (the Node majors' output goes to .voxwire-tmp/vitest-node*.log)" : ""}\n`,
);
const codes = await Promise.all(
  runs.map(({ name, node, log }) =>
    name === "main"
      ? vitest(process.execPath, ["--reporter=default", "--reporter=json", `--outputFile.json=${reportOf("main")}`])
      : vitest(node, suiteArgs(name), log),
  ),
);

let passed = 0;
let failed = 0;
let skipped = 0;
runs.forEach(({ name, label, log }, i) => {
  try {
    const json = JSON.parse(readFileSync(reportOf(name), "utf8"));
    const runFailed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0) || (json.success ? 0 : 1); // 1: a suite that could not load
    passed += json.numPassedTests;
    failed += runFailed;
    skipped += json.numPendingTests + json.numTodoTests;
    if (log) {
      process.stderr.write(`${label}: ${json.numPassedTests} passed, ${runFailed} failed${runFailed > 0 ? ` (see ${log})` : ""}\n`);
      // The log stays on the machine that ran it: name what failed here, where CI's output shows it.
      for (const line of failures(json)) process.stderr.write(`  ✗ ${line}\n`);
    }
  } catch {
    failed += 1; // vitest did not even write its report
    process.stderr.write(`${label}: no report (exit ${codes[i]})${log ? `; see ${log}` : ""}\n`);
  }
});

// The README's table, from these reports (a Node major that could not be installed is a skipped column).
const sources = [`main=${reportOf("main")}`];
for (const [major, node] of Object.entries(nodes))
  sources.push(typeof node === "string" ? `node${major}=${reportOf(`node${major}`)}` : `node${major}=none:${node.unavailable}`);
if (!run("the README's runtime table", process.execPath, [`${root}scripts/runtime-matrix.mjs`, "--write", ...sources])) checksFailed++;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped (checks: ${checksPassed} passed, ${checksFailed} failed)`);
process.exitCode = failed > 0 || checksFailed > 0 ? 1 : 0;
