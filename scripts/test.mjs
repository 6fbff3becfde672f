// `npx pnpm@10 test`: every check and every test, then one summary line.
// Steps: install what tests need from Debian (Chromium for the real-browser tests), build,
// typecheck, lint, packaging checks (publint, attw), install the other Node majors tests run
// under from the npm registry (scripts/ensure-node.mjs), then the whole vitest suite.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const run = (label, command, args, extraEnv = {}) => {
  process.stderr.write(`\n── ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return result.status === 0;
};

const checks = [
  ["Debian packages for tests", "bash", [`${root}scripts/ensure-debian-packages.sh`, "chromium:chromium"]],
  ["build, typecheck, lint, packaging", bin("turbo"), ["run", "build", "typecheck", "lint", "check:package", "--output-logs=errors-only"]],
];
let checksPassed = 0;
let checksFailed = 0;
for (const [label, command, args] of checks) {
  if (run(label, command, args)) checksPassed++;
  else checksFailed++;
}

// Not a check: a test that needs a Node it cannot get skips, saying why (the summary counts it).
const majors = Object.keys(JSON.parse(readFileSync(`${root}scripts/node-runtimes.json`, "utf8"))).filter((key) => /^\d+$/.test(key));
for (const major of majors) {
  if (!run(`Node ${major} for tests`, process.execPath, [`${root}scripts/ensure-node.mjs`, major])) {
    process.stderr.write(`(tests that run under Node ${major} will skip)\n`);
  }
}

const reportDir = `${root}.voxwire-tmp`;
const report = `${reportDir}/vitest-report.json`;
mkdirSync(reportDir, { recursive: true });
rmSync(report, { force: true });
run("vitest", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  skipped = json.numPendingTests + json.numTodoTests;
  if (!json.success && failed === 0) failed = 1; // a suite that could not load, or an unhandled error
} catch {
  failed = 1; // vitest did not even write its report
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped (checks: ${checksPassed} passed, ${checksFailed} failed)`);
process.exitCode = failed > 0 || checksFailed > 0 ? 1 : 0;
