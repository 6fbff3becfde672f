// Regenerates docs/images/browser-demo.png (see screenshot.ts):
//   node examples/browser-demo/screenshot.mjs
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = fileURLToPath(new URL("../..", import.meta.url));
register({ tsconfig: `${root}tsconfig.dev.json` });
const { takeScreenshot } = await import("./screenshot.ts");
await takeScreenshot();
console.log("wrote docs/images/browser-demo.png");
