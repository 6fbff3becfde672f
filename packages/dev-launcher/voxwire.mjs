#!/usr/bin/env node
// `npx pnpm@10 voxwire …` in the workspace: the voxwire CLI straight from the workspace sources
// (through tsx), so a fresh clone needs no build step. The root depends on this private package,
// so pnpm links this file as the workspace's `voxwire` executable and runs it without a script
// banner: `simulate` can promise that its first stdout line is `listening http://…`. The
// published @voxwire/cli runs its own dist/cli.js.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = fileURLToPath(new URL("../../", import.meta.url));
register({ tsconfig: `${root}tsconfig.dev.json` });
const { main, exitAfterFlush } = await import(`${root}packages/cli/src/main.ts`);
exitAfterFlush(await main(process.argv.slice(2)));
