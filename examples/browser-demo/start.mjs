// `npx pnpm@10 demo`: the browser demo with one command. Runs the TypeScript sources through tsx
// (no build step), starts the simulators and the page server, prints the URL.
//   node examples/browser-demo/start.mjs [--port N] [--fast]
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = fileURLToPath(new URL("../..", import.meta.url));
register({ tsconfig: `${root}tsconfig.dev.json` });
const { startDemo } = await import("./demo-server.ts");

const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = portArg >= 0 ? Number(args[portArg + 1]) : 8787;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("usage: start.mjs [--port N] [--fast]");
  process.exit(2);
}
const demo = await startDemo({ port, fast: args.includes("--fast"), log: (line) => console.error(line) });
console.log(`voxwire browser demo: open ${demo.url} and click Start (Ctrl+C to quit)`);
const quit = async () => {
  await demo.close();
  process.exit(0);
};
process.on("SIGINT", quit);
process.on("SIGTERM", quit);
