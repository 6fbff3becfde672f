import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { tokenFirst } from "./index.js";

const dialect = tokenFirst({ apiUrl: "https://x.test", apiKey: "sk_example_K3yValue" });
const preparation = dialect.prepare({ runtime: "node", now: 0 });
if (preparation.kind !== "bootstrap") throw new Error("unreachable");

describe("the token answer", () => {
  test.prop([fc.string()])("any body is a plan or a typed error", (body) => {
    try {
      preparation.parse({ status: 200, headers: {}, body }, { runtime: "node", now: 0 });
    } catch (error) {
      expect(error).toMatchObject({ code: "protocol_violation" });
    }
  });
});
