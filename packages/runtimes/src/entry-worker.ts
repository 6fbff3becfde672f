// The drills inside workerd: a Worker whose fetch handler takes a DrillInput as its JSON body and
// answers the DrillOutput. The test bundles it as wrangler would (the `workerd` export condition).
import { type DrillInput, runDrills } from "./run-drills.js";

const noWs = async (): Promise<never> => {
  throw new Error("there is no `ws` in a Worker");
};

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      const output = await runDrills((await request.json()) as DrillInput, noWs);
      return new Response(JSON.stringify(output), { headers: { "content-type": "application/json" } });
    } catch (error) {
      return new Response(JSON.stringify({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }), { status: 500 });
    }
  },
};
