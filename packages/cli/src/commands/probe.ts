import { PROBE_KEY, type ProbeReport, type ProbeVerdict, probe, probeSocket } from "@voxwire/conformance";
import { type CliCommand, type CliIo, EXIT, UsageError } from "../command.js";
import { endpointUrl, parseCommandLine, wholeNumber } from "../command-line.js";
import { KEY_OPTIONS, resolveKey } from "../key-source.js";
import { DIALECTS } from "../registry.js";
import { type Palette, palette, withProgress } from "../terminal.js";

const SOCKET_DIALECTS = Object.values(DIALECTS)
  .filter((s) => s.socketClient)
  .map((s) => s.name);

const USAGE = `usage: voxwire probe --url URL [--key-stdin] [options]
       voxwire probe --ws-url URL [--key-stdin] [options]

Tries each known dialect's handshake against an unknown endpoint (its bootstrap call, the
WebSocket upgrade with its subprotocol, the first message), with short deadlines, and reports
which dialect it speaks and where it deviates. Without a key it offers "${PROBE_KEY}": how the
endpoint refuses it is telling too. Sessions that start are closed at once.
Dialects tried: ${Object.keys(DIALECTS).join(", ")}

With --ws-url (a socket URL you already have, such as a created call's join URL; no bootstrap
call is made) a plain socket first reads what the server opens with, and each dialect that can
dial a bare URL reads it with its own codec; only if none reads a session start there does each
dial the URL itself. A join URL may be single-use: the first look is then the only session.
Dialects tried with --ws-url: ${SOCKET_DIALECTS.join(", ")}

options:
  --url URL         the endpoint's base URL (what a dialect's baseUrl/apiUrl takes)
  --ws-url URL      a ws:/wss: socket URL, dialed as it is (query included); not with --url
  --key-stdin       read a key the endpoint accepts from standard input, one line (a session then starts)
  --key KEY         the same on the command line: other users can see it (ps, shell history),
                    so prefer $VOXWIRE_KEY or --key-stdin
  --agent ID        the agent to ask for, where a dialect names one
  --timeout-ms N    deadline of each network step (default 3000)
  --json            one JSON document on stdout
  --quiet           no progress on stderr

environment:
  VOXWIRE_KEY       a key the endpoint accepts, when neither --key nor --key-stdin is given
  NO_COLOR          no colours on a terminal

Exit code: 0 when a dialect matched (it started a session or refused the key as documented), 1 when none did, 2 for a usage error.
`;

const WORDS: Readonly<Record<ProbeVerdict, string>> = {
  speaks: "speaks it",
  "refuses-auth": "refuses the key as documented",
  deviates: "deviates",
  "not-this": "no",
  unreachable: "unreachable",
};

export const probeCommand: CliCommand = {
  name: "probe",
  summary: "find which dialect an unknown endpoint speaks, and where it deviates",
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    const options = await parseProbeArgs(argv, io);
    const report = await withProgress(io, options.quiet, (progress) => {
      const run = {
        ...(options.key !== undefined ? { key: options.key } : {}),
        ...(options.agentId !== undefined ? { agentId: options.agentId } : {}),
        ...(options.stepMs !== undefined ? { stepMs: options.stepMs } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
        onProgress: (dialect: string) => progress.update(`probe › ${dialect}`, true),
      };
      return options.socket ? probeSocket(options.url, Object.values(DIALECTS), run) : probe(options.url, Object.values(DIALECTS), run);
    });
    if (options.json) io.stdout.write(`${JSON.stringify({ voxwire: "probe", version: 1, ...report }, null, 2)}\n`);
    else io.stdout.write(render(report, palette(io.stdout, io.env ?? process.env)));
    return report.best ? EXIT.ok : EXIT.failed;
  },
};

function render(report: ProbeReport, colors: Palette): string {
  const width = Math.max(...report.attempts.map((a) => a.dialect.length));
  const verdictWidth = Math.max(...report.attempts.map((a) => WORDS[a.verdict].length));
  const rows = report.attempts.flatMap((a) => {
    const paint = a.verdict === "speaks" || a.verdict === "refuses-auth" ? colors.green : a.verdict === "deviates" ? colors.yellow : colors.dim;
    return [
      `  ${a.dialect.padEnd(width)}  ${paint(WORDS[a.verdict].padEnd(verdictWidth))}  ${a.detail}`,
      ...a.deviations.map((d) => `  ${"".padEnd(width)}  ${"".padEnd(verdictWidth)}  ${colors.yellow(`deviation: ${d}`)}`),
    ];
  });
  const best = report.best
    ? `best match: ${colors.bold(report.best.dialect)} (${WORDS[report.best.verdict]})`
    : "best match: none of the known dialects";
  return `probe ${report.url}\n\n${rows.join("\n")}\n\n${best}\n`;
}

async function parseProbeArgs(argv: string[], io: CliIo) {
  const { values, positionals } = parseCommandLine(argv, {
    url: { type: "string" },
    "ws-url": { type: "string" },
    ...KEY_OPTIONS,
    agent: { type: "string" },
    "timeout-ms": { type: "string" },
    json: { type: "boolean" },
    quiet: { type: "boolean" },
  });
  if (positionals.length > 0) throw new UsageError(`probe takes no dialect (it tries them all): ${positionals.join(" ")}`);
  if (values.url !== undefined && values["ws-url"] !== undefined) throw new UsageError("give --url or --ws-url, not both");
  const socket = values["ws-url"];
  if (values.url === undefined && socket === undefined) throw new UsageError("--url (or --ws-url) is required");
  if (socket !== undefined && !/^wss?:\/\/[^/]/i.test(socket)) throw new UsageError("--ws-url must be a ws: or wss: URL");
  const url = socket ?? endpointUrl(values.url!);
  const stepMs = wholeNumber(values["timeout-ms"], "--timeout-ms", 100, 60_000);
  const key = (await resolveKey("probe", values, io))?.key;
  return {
    url,
    socket: socket !== undefined,
    ...(key !== undefined ? { key } : {}),
    ...(values.agent !== undefined ? { agentId: values.agent } : {}),
    ...(stepMs !== undefined ? { stepMs } : {}),
    json: values.json ?? false,
    quiet: values.quiet ?? false,
  };
}
