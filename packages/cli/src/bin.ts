// The published `voxwire` executable (dist/cli.js). From the workspace, `npx pnpm@10 voxwire`
// runs main.ts through tsx instead (packages/dev-launcher/voxwire.mjs).
import { exitAfterFlush, main } from "./main.js";

exitAfterFlush(await main(process.argv.slice(2)));
