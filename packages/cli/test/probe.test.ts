// `voxwire probe`: it names each built-in simulator's dialect, with a key (a session starts) and
// without one (the key is refused the documented way), and says "none" for what is no dialect.

import { type ProbeReport, probe, type Simulator, startSimulator } from "@voxwire/conformance";
import { orbitaliFront } from "@voxwire/orbitali/testing";
import { captureIo, webPageServer } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { DIALECTS } from "../src/registry.js";

const KEY = "probe-test-key-0001";
const sims: Simulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

describe("voxwire probe", () => {
  for (const name of Object.keys(DIALECTS)) {
    it(`names ${name}'s simulator: refuses the probe's key as documented without --key, speaks it with the key`, async () => {
      const sim = await startSimulator({ front: DIALECTS[name]!.front!(), fast: true, keys: [KEY] });
      sims.push(sim);
      const subjects = Object.values(DIALECTS);
      const anonymous = await probe(sim.url, subjects, { stepMs: 2000 });
      expect(anonymous.best).toMatchObject({ dialect: name, verdict: "refuses-auth" });
      for (const other of anonymous.attempts.filter((a) => a.dialect !== name))
        expect(other.verdict, `${other.dialect}: ${other.detail}`).toBe("not-this");

      const keyed = await probe(sim.url, subjects, { key: KEY, stepMs: 2000 });
      expect(keyed.best).toMatchObject({ dialect: name, verdict: "speaks", deviations: [] });
      expect(keyed.attempts.filter((a) => a.score > 0).map((a) => a.dialect)).toEqual([name]);
      expect(JSON.stringify(keyed)).not.toContain(KEY);
    });
  }

  it("the command: a table and the best match, or JSON; exit 1 when nothing matched, 2 for a usage error", async () => {
    const sim = await startSimulator({ front: orbitaliFront(), fast: true, keys: [KEY] });
    sims.push(sim);
    const cli = captureIo();
    expect(await main(["probe", "--url", sim.url, "--quiet"], cli.io)).toBe(0);
    expect(cli.stdout()).toMatch(
      /^probe http:\/\/127\.0\.0\.1:\d+\n\n {2}orbitali +refuses the key as documented +POST \/public\/v1\/agents\/[^ ]+\/realtime-sessions → HTTP 401/,
    );
    expect(cli.stdout().trimEnd().split("\n").at(-1)).toBe("best match: orbitali (refuses the key as documented)");

    const json = captureIo();
    expect(await main(["probe", "--url", sim.url, "--key", KEY, "--json", "--quiet"], json.io)).toBe(0);
    expect((JSON.parse(json.stdout()) as ProbeReport).best?.dialect).toBe("orbitali");

    const page = await webPageServer();
    const none = captureIo();
    expect(await main(["probe", "--url", page.url, "--quiet"], none.io)).toBe(1);
    expect(none.stdout()).toContain("omni         no  the upgrade → HTTP 200: not a WebSocket");
    expect(none.stdout().trimEnd().split("\n").at(-1)).toBe("best match: none of the known dialects");
    await page.close();

    for (const argv of [["probe"], ["probe", "omni", "--url", sim.url], ["probe", "--url", "nope"]]) expect(await main(argv, captureIo().io)).toBe(2);
  });
});
