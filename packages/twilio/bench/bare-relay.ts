/*
 * The floor the bridge is measured against: the least a Twilio ↔ Omni relay can do on this
 * machine, with plain `ws` and core's fast codecs, and nothing else: no sessions, no event
 * hub, no pacing, no marks, no ledger, no error handling worth the name. It answers the same IPC
 * as bridge-process.ts, so the same drivers and the same window measure it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { base64Decode, base64Encode, mulawDecode, mulawEncode } from "@voxwire/core";
import { WebSocket, WebSocketServer } from "ws";

const agentUrl = process.env.BENCH_AGENT_URL!;
const delay = monitorEventLoopDelay({ resolution: 1 });
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

let window: { cpu: NodeJS.CpuUsage; at: number; elu: ReturnType<typeof performance.eventLoopUtilization> } | undefined;
process.on("message", (message: { cmd: string }) => {
  switch (message.cmd) {
    case "window-start":
      delay.reset();
      delay.enable();
      window = { cpu: process.cpuUsage(), at: performance.now(), elu: performance.eventLoopUtilization() };
      break;
    case "window-stop": {
      const cpu = process.cpuUsage(window!.cpu);
      const wallMs = performance.now() - window!.at;
      delay.disable();
      process.send!({
        type: "window",
        wallMs,
        cpuMs: (cpu.user + cpu.system) / 1000,
        userMs: cpu.user / 1000,
        systemMs: cpu.system / 1000,
        eventLoopUtilization: performance.eventLoopUtilization(window!.elu).utilization,
        loopDelayP50Ms: delay.percentile(50) / 1e6,
        loopDelayP99Ms: delay.percentile(99) / 1e6,
        liveCalls: live.size,
        droppedInWindow: 0,
        maxLeadMs: Number.NaN,
        rssMb: process.memoryUsage().rss / 2 ** 20,
        scheduler: "none",
      });
      break;
    }
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
