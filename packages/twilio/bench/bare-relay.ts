/*
 * The floor the bridge is measured against: the least a Twilio ↔ Omni relay can do on this
 * machine, with plain `ws` and core's fast codecs, and nothing else: no sessions, no event
 * hub, no pacing, no marks, no ledger, no error handling worth the name. It answers the same IPC
 * as bridge-process.ts, so the same drivers and the same window measure it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { base64Decode, base64Encode, mulawDecode, mulawEncode } from "@voxwire/core";
import { WebSocket, WebSocketServer } from "ws";
import { createProcessWindow } from "./process-window.mjs";

const agentUrl = process.env.BENCH_AGENT_URL!;
const measure = createProcessWindow();
const live = new Set<WebSocket>();
const scratch = new Uint8Array(160);

const server = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => relay(ws)));

function relay(phone: WebSocket): void {
  live.add(phone);
  let sid = "";
  const agent = new WebSocket(`${agentUrl}/v1/omni?agent_id=agent_bench&format=pcm16&rate=8000`, ["pyai-key.pyai_test_benchkey"], {
    perMessageDeflate: false,
  });
  phone.on("message", (data, isBinary) => {
    if (isBinary) return;
    const message = JSON.parse(data.toString()) as { event: string; streamSid?: string; media?: { payload: string } };
    if (message.event === "media" && agent.readyState === WebSocket.OPEN) {
      const pcm = mulawDecode(base64Decode(message.media!.payload));
      agent.send(new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength));
    } else if (message.event === "start") {
      sid = JSON.stringify(message.streamSid);
    } else if (message.event === "stop") {
      phone.close();
    }
  });
  agent.on("message", (data, isBinary) => {
    if (!isBinary || sid === "" || phone.readyState !== WebSocket.OPEN) return;
    const bytes = data as Buffer;
    const pcm = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    phone.send(`{"event":"media","streamSid":${sid},"media":{"payload":"${base64Encode(mulawEncode(pcm, scratch))}"}}`);
  });
  const end = () => {
    live.delete(phone);
    phone.close();
    agent.close();
  };
  phone.on("close", end);
  agent.on("close", end);
  phone.on("error", () => {});
  agent.on("error", () => {});
}

process.on("message", (message: { cmd: string }) => {
  switch (message.cmd) {
    case "window-start":
      measure.start();
      break;
    case "window-stop":
      process.send!(measure.stop({ liveCalls: live.size, droppedInWindow: 0, maxLeadMs: Number.NaN, scheduler: "none" }));
      break;
    case "report":
      process.send!({ type: "report", live: live.size, ended: { reasons: {} } });
      break;
    case "shutdown":
      for (const client of wss.clients) client.terminate();
      server.close(() => process.exit(0));
      break;
  }
});
server.listen(0, "127.0.0.1", () => process.send!({ type: "ready", port: (server.address() as AddressInfo).port }));
