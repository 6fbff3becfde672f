import { connect, type Dialect, detectRuntime, isCloudflareWorkers, type WebSocketConstructor } from "@voxwire/core";
import { omni } from "@voxwire/omni";
import { openai } from "@voxwire/openai";
import { type DrillReport, type DrillRequest, drill, type RuntimeFacts, runtimeFacts } from "./drill.js";

/** What a runtime's entry is handed: the drills, how their sockets are made, and a server that refuses every upgrade. */
export interface DrillInput {
  drills: DrillRequest[];
  /** "default": connect() picks, as an application's would; "ws": the `ws` package; "global": the runtime's own WebSocket. */
  transport: "default" | "ws" | "global";
  /** An HTTP server answering every request 400: the dial to it must fail at once, not at the open deadline. */
  refusingUrl?: string;
}

/** How a dial to the refusing server ended. */
export interface RefusalReport {
  name?: string;
  code?: string;
  message: string;
}

export interface DrillOutput {
  facts: RuntimeFacts & { cloudflareWorkers: boolean; transport: string };
  drills: DrillReport[];
  /** The refused dial of a dialect whose key rides in the subprotocol (Omni)… */
  refusal?: RefusalReport;
  /** …and of one whose key rides in an upgrade header (OpenAI on a server). */
  headerRefusal?: RefusalReport;
}

/** Far past the test's own deadline for the whole run: a dial that waited for it fails the test. */
const REFUSAL_OPEN_MS = 120_000;

/** Runs the drills at once, then the refused dial; `loadWs` imports the `ws` package where asked for. */
export async function runDrills(input: DrillInput, loadWs: () => Promise<WebSocketConstructor>): Promise<DrillOutput> {
  const WebSocket =
    input.transport === "ws"
      ? await loadWs()
      : input.transport === "global"
        ? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket
        : undefined;
  if (input.transport === "global" && !WebSocket) throw new Error("this runtime has no global WebSocket");
  const facts = { ...runtimeFacts(detectRuntime()), cloudflareWorkers: isCloudflareWorkers(), transport: input.transport };
  const drills = await Promise.all(input.drills.map((request) => drill(request, WebSocket)));
  const output: DrillOutput = { facts, drills };
  if (input.refusingUrl) {
    output.refusal = await refusedDial(
      omni({ agentId: "agent_123", apiKey: "pyai_refused_K3y0", rate: 16000, baseUrl: input.refusingUrl }),
      WebSocket,
    );
    output.headerRefusal = await refusedDial(
      openai({ apiKey: "sk-refused-K3y0-0123456789", model: "gpt-realtime", baseUrl: input.refusingUrl }),
      WebSocket,
    );
  }
  return output;
}

async function refusedDial(dialect: Dialect, WebSocket: WebSocketConstructor | undefined): Promise<RefusalReport> {
  try {
    const session = await connect(dialect, {
      ...(WebSocket ? { WebSocket } : {}),
      timeouts: { openMs: REFUSAL_OPEN_MS },
    });
    await session.close();
    return { message: "connect() resolved against a server that refuses every upgrade" };
  } catch (error) {
    const { name, code, message } = error as { name?: string; code?: string; message?: string };
    return { ...(name ? { name } : {}), ...(code ? { code } : {}), message: message ?? String(error) };
  }
}
