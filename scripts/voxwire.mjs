// `npx pnpm@10 voxwire …`: runs the voxwire CLI straight from the workspace sources (through
// tsx), so a fresh clone needs no build step. The published @voxwire/cli runs dist/cli.js.
// pnpm prints its `> voxwire-monorepo@ voxwire …` banner on stdout before this runs; where the
// first stdout line matters (`simulate` prints `listening http://…` first), run
// `npx pnpm@10 -s voxwire …` (pnpm's --silent) or `node scripts/voxwire.mjs …`.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = fileURLToPath(new URL("..", import.meta.url));
register({ tsconfig: `${root}tsconfig.dev.json` });
const { main, exitAfterFlush } = await import(`${root}packages/cli/src/main.ts`);
exitAfterFlush(await main(process.argv.slice(2)));
