// The drills under Node, Bun or Deno: `<runtime> dist/entry-script.js '<DrillInput JSON>'` prints
// one line of DrillOutput JSON. The built packages are resolved by the runtime itself, through
// node_modules and their `exports`, as an application's would be.
import type { WebSocketConstructor } from "@voxwire/core";
import { type DrillInput, runDrills } from "./run-drills.js";

const g = globalThis as { Deno?: { args: string[] }; process?: { argv: string[]; exit(code: number): never } };
const args = g.Deno?.args ?? g.process?.argv.slice(2) ?? [];
const loadWs = async () => ((await import("ws")) as unknown as { WebSocket: WebSocketConstructor }).WebSocket;

try {
  const output = await runDrills(JSON.parse(args[0] ?? "{}") as DrillInput, loadWs);
  console.log(JSON.stringify(output));
  g.process?.exit(0);
} catch (error) {
  console.log(JSON.stringify({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  g.process?.exit(1);
}
