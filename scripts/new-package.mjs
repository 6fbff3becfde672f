// Scaffolds a workspace package with the shared build, test and packaging setup.
//
//   node scripts/new-package.mjs <dir> <name> "<description>"    a plain package (writes only missing files)
//   node scripts/new-package.mjs --adapter NAME [--dir DIR]       a dialect adapter, packages/NAME by default
//
// An adapter gets the template every dialect package follows (CONTRIBUTING.md, "A new dialect"):
// the factory, the wire constants, validation, both codecs, the close rules, a `./testing` entry with
// its vendor front and conformance subject, and a one-line conformance test. The scaffold speaks a
// placeholder wire (key in a subprotocol, PCM16 both ways, a `session_started` message), compiles,
// and passes the live conformance scenarios against its own front; replace it with the vendor's.
// Into packages/NAME (no --dir), it also joins the Changesets `fixed` group.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);

/** `../..` from `dir` to the repository root, with a trailing slash. */
function upTo(dir) {
  const up = relative(resolve(dir), root).replaceAll("\\", "/");
  return up === "" ? "./" : `${up}/`;
}

function writeFiles(dir, files, { overwrite }) {
  for (const [file, text] of Object.entries(files)) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    if (overwrite || !existsSync(path)) writeFileSync(path, text);
  }
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

function tsconfig(up) {
  return json({ extends: `${up}tsconfig.base.json`, compilerOptions: { types: ["node"] }, include: ["src", "test", "bench", "*.ts"] });
}

function vitestConfig(up, name) {
  return `import { defineProject } from "vitest/config";
import { workspaceAlias } from "${up}vitest.shared.js";

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: { name: "${name.replace("@voxwire/", "")}", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
`;
}

function tsupConfig(up, entries) {
  return `import { defineConfig } from "tsup";
import { libraryOptions } from "${up}tsup.base.js";

export default defineConfig(libraryOptions(${entries}));
`;
}

const entryExport = (base) => ({
  import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
  require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
});

function packageJson({ name, version, description, dir, up, keywords, testing }) {
  const directory = relative(root, resolve(dir)).replaceAll("\\", "/");
  return {
    name,
    version,
    description,
    license: "MIT",
    repository: { type: "git", url: "git+https://github.com/voxwire/voxwire.git", directory },
    homepage: `https://github.com/voxwire/voxwire/tree/main/${directory}#readme`,
    bugs: { url: "https://github.com/voxwire/voxwire/issues" },
    keywords,
    type: "module",
    sideEffects: false,
    engines: { node: ">=20.19.0" },
    files: ["dist", "src", "!src/**/*.test.ts"],
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.cts",
    exports: {
      ".": entryExport("index"),
      ...(testing ? { "./testing": entryExport("testing/index") } : {}),
      "./package.json": "./package.json",
    },
    scripts: {
      build: "tsup",
      typecheck: "tsc --noEmit -p .",
      lint: `biome check --config-path=${up} .`,
      test: "vitest run",
      "check:package": `publint --strict --pack npm && attw --pack . --profile node16 && node ${up}scripts/api-report.mjs --check .`,
      api: `node ${up}scripts/api-report.mjs .`,
    },
    dependencies: name === "@voxwire/core" ? {} : { "@voxwire/core": "workspace:^" },
    ...(testing
      ? {
          devDependencies: { "@voxwire/conformance": "workspace:^" },
          // Only `./testing` needs it; a range over all of 0.x so a minor of conformance does not
          // make Changesets bump this package major (see .changeset/config.json).
          peerDependencies: { "@voxwire/conformance": "workspace:>=0.1.0 <1.0.0" },
          peerDependenciesMeta: { "@voxwire/conformance": { optional: true } },
        }
      : {}),
  };
}

const coreVersion = () => JSON.parse(readFileSync(join(root, "packages/core/package.json"), "utf8")).version;

// ── a plain package ────────────────────────────────────────────────────────────────────────────

function plainPackage(dir, name, description) {
  const up = upTo(dir);
  const pkg = packageJson({ name, version: coreVersion(), description, dir, up, keywords: ["voice-agent"], testing: false });
  writeFiles(
    dir,
    {
      "package.json": json(pkg),
      "tsconfig.json": tsconfig(up),
      "tsup.config.ts": tsupConfig(up, `{ index: "src/index.ts" }`),
      "vitest.config.ts": vitestConfig(up, name),
      "src/index.ts": "export {};\n",
      "README.md": `# ${name}\n\n${description}\n`,
    },
    { overwrite: false },
  );
}

// ── an adapter ─────────────────────────────────────────────────────────────────────────────────

function adapterFiles(dialect, dir) {
  const up = upTo(dir);
  const words = dialect.split("-");
  const camel = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  const Pascal = camel[0].toUpperCase() + camel.slice(1);
  const CONST = words.join("_").toUpperCase();
  const name = `@voxwire/${dialect}`;
  const pkg = packageJson({
    name,
    version: coreVersion(),
    description: `${Pascal} dialect for voxwire.`,
    dir,
    up,
    keywords: ["voice-agent", "websocket", dialect],
    testing: true,
  });
  const T = {
    Opts: `${Pascal}Options`,
    codec: `create${Pascal}Codec`,
    peer: `create${Pascal}PeerCodec`,
    front: `${camel}Front`,
    subject: `${camel}Subject`,
    BASE: `${CONST}_DEFAULT_BASE_URL`,
    PATH: `${CONST}_PATH`,
    RATE: `${CONST}_SAMPLE_RATE`,
    FRAME: `${CONST}_FRAME_MS`,
    PREFIX: `${CONST}_SUBPROTOCOL_PREFIX`,
    CAPS: `${CONST}_CAPABILITIES`,
    CLOSE: `${CONST}_CLOSE_RULES`,
    HTTP: `${CONST}_HTTP_RULES`,
    Event: `${Pascal}ServerEvent`,
    Close: `${Pascal}Close`,
  };

  return {
    "package.json": json(pkg),
    "tsconfig.json": tsconfig(up),
    "tsup.config.ts": tsupConfig(up, `{ index: "src/index.ts", "testing/index": "src/testing/index.ts" }`),
    "vitest.config.ts": vitestConfig(up, name),
    "README.md": `# ${name}

The ${Pascal} dialect for voxwire. **Scaffolded**: it speaks a placeholder wire (the key as the
subprotocol \`${dialect}-key.<KEY>\`, PCM16 at 16 kHz both ways, one \`session_started\` message) until
\`src/wire.ts\` and the codecs say what the vendor's documents say (cite them in docs/sources.md).

\`\`\`ts
import { connect } from "@voxwire/core";
import { ${camel} } from "${name}";

const session = await connect(${camel}({ apiKey: process.env.${CONST}_KEY! }), { input: { sampleRate: 48000 }, output: { sampleRate: 48000 } });
for await (const event of session) if (event.type === "audio-chunk") player.push(event.audio);
\`\`\`

## The vendor side

\`${name}/testing\` exports \`${T.front}()\` (the simulator's vendor front) and \`${T.subject}\` (what the
shared conformance suite and the CLI run: \`describeConformance(${T.subject})\`).
`,
    "src/index.ts": `// \`${name}\`: the dialect factory and its options. The wire constants and the codecs are
// internal; simulators and tests reach them through \`${name}/testing\`.
export { ${T.CAPS}, type ${T.Opts}, ${camel} } from "./${dialect}.js";
`,
    [`src/${dialect}.ts`]: `import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectV2,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
} from "@voxwire/core";
import { ${T.codec} } from "./client-codec.js";
import { ${T.peer} } from "./peer-codec.js";
import { validateBaseUrl, validateCredential } from "./validate.js";
import { DIALECT_NAME, ${T.FRAME}, ${T.PATH}, ${T.PREFIX}, ${T.RATE} } from "./wire.js";

export interface ${T.Opts} {
  /** The vendor's API key. */
  apiKey: string;
  /** Another host for the same wire (a local simulator): \`ws://127.0.0.1:PORT\`; http(s) is mapped to ws(s). */
  baseUrl?: string;
}

/** What the wire can do; the conformance suite skips the scenarios of anything declared false. */
export const ${T.CAPS}: DialectCapabilities = { ...NO_CAPABILITIES };

/**
 * The ${Pascal} dialect: \`wss://api.${dialect}.invalid/v1/${dialect}\`, the key as the subprotocol
 * \`${dialect}-key.<KEY>\`, PCM16 both ways. Options that can never work throw a \`ConfigError\` here,
 * before any I/O; the message never holds the credential.
 */
export function ${camel}(options: ${T.Opts}): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("${camel}() needs an options object", { dialect: DIALECT_NAME });
  const credential = validateCredential(options.apiKey);
  const base = validateBaseUrl(options.baseUrl);
  const subprotocol = \`\${${T.PREFIX}}\${credential}\`;
  const format = { encoding: "pcm16", sampleRate: ${T.RATE}, frameMs: ${T.FRAME} } as const;
  const plan: ConnectPlan = {
    url: \`\${base}\${${T.PATH}}\`,
    protocols: [subprotocol],
    audio: { outbound: format, inbound: format },
    secrets: [credential, subprotocol],
  };
  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: ${T.CAPS},
    prepare(): Preparation {
      return { kind: "plan", plan };
    },
    createCodec: ${T.codec},
    createPeerCodec: ${T.peer},
  });
}
`,
    "src/wire.ts": `/*
 * The ${Pascal} wire in one place: URL, subprotocol, audio format, message names, close codes.
 * Each constant should name the vendor document it comes from (docs/sources.md); the values
 * below are the scaffold's placeholders.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "${dialect}";

/** The production endpoint. */
export const ${T.BASE} = "wss://api.${dialect}.invalid";
/** The WebSocket path under the base URL. */
export const ${T.PATH} = "/v1/${dialect}";
/** The rate of both directions (PCM16, mono). */
export const ${T.RATE} = 16000;
/** Audio frame length both ways. */
export const ${T.FRAME} = 20;
/** The credential rides as the subprotocol \`${dialect}-key.<KEY>\` (browsers cannot set upgrade headers). */
export const ${T.PREFIX} = "${dialect}-key.";

/** Server → client event names. */
export const ${T.Event} = { sessionStarted: "session_started" } as const;

/** Close codes the vendor documents. */
export const ${T.Close} = { badKey: 4401 } as const;
`,
    "src/validate.ts": `import { ConfigError, isHttpToken, validateBaseUrl as validateUrl } from "@voxwire/core";
import { ${T.BASE}, DIALECT_NAME } from "./wire.js";

/** True when the credential can ride in the subprotocol: RFC 7230 \`token\` characters only. */
export function isSubprotocolSafe(credential: unknown): credential is string {
  return isHttpToken(credential);
}

/** A key usable as a subprotocol token. Messages never include the value. */
export function validateCredential(apiKey: unknown): string {
  if (typeof apiKey !== "string" || apiKey.length === 0) throw new ConfigError("an apiKey is required", { dialect: DIALECT_NAME });
  if (!isSubprotocolSafe(apiKey)) {
    throw new ConfigError("the apiKey cannot be sent as a subprotocol: it contains characters outside RFC 7230 token characters", {
      dialect: DIALECT_NAME,
    });
  }
  return apiKey;
}

/** The WebSocket origin to dial: \`ws:\`/\`wss:\` as given, \`http:\`/\`https:\` mapped to them; no query. */
export function validateBaseUrl(baseUrl: unknown): string {
  return validateUrl(baseUrl, { dialect: DIALECT_NAME, defaultUrl: ${T.BASE}, schemes: "ws" });
}
`,
    "src/client-codec.ts": `import {
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  decodePcm16Chunk,
  httpError,
  type InboundEvent,
  isBinaryFrame,
  type OutboundEvent,
  passthrough,
  pcm16ToBytes,
  readJsonFrame,
  sessionStartedEvent,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { ${T.CLOSE}, ${T.HTTP} } from "./close-rules.js";
import { DIALECT_NAME, ${T.Event} } from "./wire.js";

/** The application's side of one ${Pascal} connection: stateless. */
export function ${T.codec}(plan: ConnectPlan): DialectCodec {
  const sampleRate = plan.audio.inbound.sampleRate;

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    switch (type) {
      case ${T.Event}.sessionStarted:
        return [sessionStartedEvent(message, frame)];
      default:
        return [passthrough(type, message, frame)];
    }
  }

  return {
    ready: true,
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          return [pcm16ToBytes(event.audio)];
        default:
          // No message for the rest; a stop is the socket's close.
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      return isBinaryFrame(frame) ? [decodePcm16Chunk(frame, sampleRate, DIALECT_NAME)] : decodeText(frame);
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME, ${T.CLOSE});
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME, ${T.HTTP});
    },
  };
}
`,
    "src/peer-codec.ts": `import {
  type ConnectPlan,
  decodePcm16Append,
  type InboundEvent,
  isBinaryFrame,
  type PeerCodec,
  type PeerDecoded,
  passthrough,
  passthroughFrame,
  pcm16ToBytes,
  readJsonFrame,
  type WireFrame,
} from "@voxwire/core";
import { DIALECT_NAME, ${T.Event} } from "./wire.js";

/**
 * The vendor's side of one ${Pascal} connection (simulators, goldens): agent events become
 * frames, a client's frames become commands. Events the wire has no message for encode to nothing.
 */
export function ${T.peer}(plan: ConnectPlan): PeerCodec {
  const sampleRate = plan.audio.outbound.sampleRate;
  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-started":
          return [JSON.stringify({ ...event.metadata, ...event.ids, type: ${T.Event}.sessionStarted })];
        case "audio-chunk":
          return [pcm16ToBytes(event.audio)];
        case "passthrough":
          return [passthroughFrame(event)];
        default:
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (isBinaryFrame(frame)) return [decodePcm16Append(frame, sampleRate, DIALECT_NAME)];
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
      if (!read.ok) return read.events.filter((e) => e.type === "error");
      return [passthrough(read.value.type, read.value.message, frame) as PeerDecoded];
    },
  };
}
`,
    "src/close-rules.ts": `import { AuthError, ConcurrencyLimitError, type ErrorFactory, vendorCodeOf } from "@voxwire/core";
import { ${T.Close} } from "./wire.js";

/*
 * ${Pascal}'s documented failures as typed errors, layered over core's defaults (\`closeEvents\`,
 * \`httpError\`). \`reason\`/\`body\` arrive redacted.
 */

export const ${T.CLOSE}: Readonly<Record<number, ErrorFactory>> = {
  [${T.Close}.badKey]: (r, d) => new AuthError(\`the key was refused (close \${${T.Close}.badKey})\`, { dialect: d, vendorCode: vendorCodeOf(r) }),
};

export const ${T.HTTP}: Readonly<Record<number, ErrorFactory>> = {
  401: (b, d) => new AuthError("the key was refused (HTTP 401)", { dialect: d, vendorCode: vendorCodeOf(b) }),
  429: (b, d) => new ConcurrencyLimitError("too many live sessions (HTTP 429)", { dialect: d, vendorCode: vendorCodeOf(b) }),
};
`,
    "src/testing/index.ts": `// \`${name}/testing\`: what tests and the CLI need beyond the public API (the simulator's
// vendor front, the conformance subject, the codecs and the wire constants).
export { ${T.codec} } from "../client-codec.js";
export { ${T.CLOSE}, ${T.HTTP} } from "../close-rules.js";
export { ${T.peer} } from "../peer-codec.js";
export { isSubprotocolSafe } from "../validate.js";
export { ${T.BASE}, ${T.FRAME}, ${T.PATH}, ${T.RATE}, ${T.PREFIX}, ${T.Close}, ${T.Event}, DIALECT_NAME } from "../wire.js";
export { ${T.front} } from "./front.js";
export { ${T.subject} } from "./subject.js";
`,
    "src/testing/front.ts": `import type { IncomingMessage } from "node:http";
import type { UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import type { ConnectPlan } from "@voxwire/core";
import { ${T.peer} } from "../peer-codec.js";
import { ${T.Close}, DIALECT_NAME, ${T.FRAME}, ${T.PATH}, ${T.PREFIX}, ${T.RATE} } from "../wire.js";

/**
 * ${Pascal}'s vendor side: \`GET /v1/${dialect}\` upgraded with the key as the subprotocol
 * \`${dialect}-key.<KEY>\`, which is echoed. Wrong path → 404; too many sessions → HTTP 429;
 * a refused key → close 4401 right after the upgrade.
 */
export function ${T.front}(): VendorFront {
  return { dialect: DIALECT_NAME, upgrade };
}

function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
  const url = new URL(req.url ?? "/", "http://simulator");
  if (url.pathname !== ${T.PATH}) return { type: "reject", status: 404, body: { error: "not_found" } };
  const protocol = offeredProtocols(req).find((p) => p.startsWith(${T.PREFIX}));
  const verdict = ctx.checkKey(protocol?.slice(${T.PREFIX}.length));
  if (verdict === "ok" && ctx.atCapacity) return { type: "reject", status: 429, body: { error: "concurrency_limit_exceeded" } };

  const format = { encoding: "pcm16", sampleRate: ${T.RATE}, frameMs: ${T.FRAME} } as const;
  const plan: ConnectPlan = { url: url.pathname, audio: { outbound: format, inbound: format }, secrets: [] };
  return {
    type: "accept",
    ...(protocol ? { protocol } : {}),
    connection: {
      codec: ${T.peer}(plan),
      rates: { user: ${T.RATE}, agent: ${T.RATE} },
      ids: { session_id: ctx.sessionId },
      ...(verdict === "ok" ? {} : { refuse: { code: ${T.Close}.badKey, reason: "invalid_key" } }),
    },
  };
}

/** The subprotocols the client offered, in order. */
function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers["sec-websocket-protocol"] ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}
`,
    "src/testing/subject.ts": `import type { ConformanceSubject } from "@voxwire/conformance";
import { ${camel} } from "../${dialect}.js";
import { ${T.Close}, DIALECT_NAME } from "../wire.js";
import { ${T.front} } from "./front.js";

/** ${Pascal} as the shared conformance suite and the CLI see it: its client, its simulator's front, its refusal. */
export const ${T.subject}: ConformanceSubject = {
  name: DIALECT_NAME,
  summary: "${Pascal} PCM16 (scaffold: key in the ${dialect}-key subprotocol; 16 kHz)",
  client: ({ url, key }) => ${camel}({ apiKey: key, baseUrl: url }),
  front: ${T.front},
  authRefusal: {
    kind: "close",
    code: ${T.Close}.badKey,
    errorCode: "auth_failed",
    source: "scaffold placeholder: name the vendor document that says a bad key closes with this code",
  },
};
`,
    "src/conformance.test.ts": `import { describeConformance } from "@voxwire/conformance/vitest";
import { ${T.subject} } from "./testing/index.js";

describeConformance(${T.subject});
`,
  };
}

/** Adds a new publishable package to the Changesets group every package is versioned with. */
function joinFixedGroup(name) {
  const path = join(root, ".changeset/config.json");
  if (!existsSync(path)) return;
  const config = JSON.parse(readFileSync(path, "utf8"));
  const group = config.fixed?.[0];
  if (!Array.isArray(group) || group.includes(name)) return;
  group.push(name);
  writeFileSync(path, json(config));
}

function adapter(dialect, dir) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(dialect ?? "")) {
    console.error("usage: node scripts/new-package.mjs --adapter NAME [--dir DIR]  (NAME: lower-case words joined by '-')");
    process.exit(2);
  }
  const target = dir ?? join(root, "packages", dialect);
  if (existsSync(target)) {
    console.error(`${relative(process.cwd(), target) || target} exists; the adapter scaffold writes only into a new directory`);
    process.exit(1);
  }
  writeFiles(target, adapterFiles(dialect, target), { overwrite: true });
  // The templates are not hand-sorted: the repository's formatter orders imports and wraps lines.
  const biome = spawnSync(join(root, "node_modules/.bin/biome"), ["check", "--write", `--config-path=${root}`, join(target, "src")], {
    encoding: "utf8",
  });
  if (biome.status !== 0) console.error(`biome check --write did not finish cleanly:\n${biome.stdout}${biome.stderr}`);
  if (dir === undefined) joinFixedGroup(`@voxwire/${dialect}`);
  console.log(`scaffolded @voxwire/${dialect} in ${relative(process.cwd(), target) || "."}
next: npx pnpm@10 install, then see CONTRIBUTING.md "A new dialect" (goldens, the CLI registry line, the docs row)`);
}

const flag = (name) => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : (argv[i + 1] ?? "");
};

if (argv.includes("--adapter")) {
  adapter(flag("--adapter"), flag("--dir"));
} else {
  const [dir, name, description = ""] = argv;
  if (!dir || !name) {
    console.error('usage: node scripts/new-package.mjs <dir> <name> "<description>"\n       node scripts/new-package.mjs --adapter NAME [--dir DIR]');
    process.exit(2);
  }
  plainPackage(dir, name, description);
}
