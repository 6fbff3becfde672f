/*
 * The peer under test, alone in its process: OpenAI's own Twilio transport
 * (`TwilioRealtimeTransportLayer` from @openai/agents-extensions) with an @openai/agents-realtime
 * `RealtimeSession`, one per Twilio media stream, served the way the SDK's Twilio example does
 * (a `ws` server whose connection is handed to the transport). Plain JavaScript on the Node the
 * SDK needs (≥ 22), its packages imported from the install outside git (BENCH_PEER_DIR). It
 * answers the same IPC as bridge-process.ts, so the same drivers and window measure it.
 */
import { createServer } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createProcessWindow } from "./process-window.mjs";

const dir = process.env.BENCH_PEER_DIR;
const from = (path) => import(pathToFileURL(join(dir, "node_modules", path)).href);
// The transport module alone: the package index also loads transports whose peers (the Agents SDK, Cloudflare) are not installed.
const { TwilioRealtimeTransportLayer } = await from("@openai/agents-extensions/dist/TwilioRealtimeTransport.mjs");
const { RealtimeAgent, RealtimeSession } = await from("@openai/agents-realtime/dist/index.mjs");
const { WebSocketServer } = await from("ws/wrapper.mjs");

const agentUrl = process.env.BENCH_AGENT_URL;
const measure = createProcessWindow();
const agent = new RealtimeAgent({ name: "bench", instructions: "Talk." });
const live = new Set();
const reasons = {};
let failed = 0;

const server = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => call(ws)));

async function call(twilioWebSocket) {
  live.add(twilioWebSocket);
  const transport = new TwilioRealtimeTransportLayer({ twilioWebSocket });
  // G.711 μ-law both ways, named explicitly: left out, this RealtimeSession version's defaults
  // (audio/pcm at 24 kHz) reach the transport first, and μ-law would be sent as PCM.
  const pcmu = { format: { type: "audio/pcmu" } };
  const session = new RealtimeSession(agent, { transport, model: "gpt-realtime", config: { audio: { input: pcmu, output: pcmu } } });
  session.on("error", () => {});
  twilioWebSocket.on("close", () => {
    live.delete(twilioWebSocket);
    reasons.closed = (reasons.closed ?? 0) + 1;
    session.close();
  });
  try {
    await session.connect({ apiKey: "sk-bench-key", url: `${agentUrl}/v1/realtime?model=gpt-realtime` });
  } catch (error) {
    failed++;
    if (failed <= 3) process.stderr.write(`peer-process: connect failed: ${error?.message ?? error}\n`);
    twilioWebSocket.close();
  }
}

process.on("message", (message) => {
  switch (message.cmd) {
    case "window-start":
      measure.start();
      break;
    case "window-stop":
      process.send(measure.stop({ liveCalls: live.size, droppedInWindow: 0, maxLeadMs: Number.NaN, scheduler: "peer" }));
      break;
    case "report":
      process.send({ type: "report", live: live.size, ended: { reasons: { ...reasons, connectFailed: failed } } });
      break;
    case "shutdown":
      for (const client of wss.clients) client.terminate();
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 2000).unref();
      break;
  }
});
server.listen(0, "127.0.0.1", () => process.send({ type: "ready", port: server.address().port }));
