import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "@voxwire/core";
import type { CarrierLeg, CarrierRequest } from "../carrier.js";
import { publicBase } from "./public-base.js";

/** Webhook bodies are small form posts; anything larger is refused. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

/**
 * A carrier's call webhook: the signature checked, then the leg's answer document pointing the
 * call's stream at `mediaPath` on the public URL.
 */
export async function answerWebhook(
  leg: CarrierLeg,
  mediaPath: string,
  publicUrl: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
): Promise<void> {
  if (req.method !== "POST" && req.method !== "GET") return void res.writeHead(405, { allow: "POST, GET" }).end();
  let body: string;
  try {
    body = req.method === "POST" ? await readBody(req) : "";
  } catch {
    return void res.writeHead(413, { "content-type": "text/plain" }).end("request too large");
  }
  const urlencoded = String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded") || !req.headers["content-type"];
  const form = urlencoded ? new URLSearchParams(body) : new URLSearchParams();
  const request: CarrierRequest = {
    url: publicBase(publicUrl, req, "http") + (req.url ?? "/"),
    method: req.method,
    headers: req.headers,
    body,
    form,
  };
  if (leg.verify?.(request, "webhook") === false) {
    log.warn(`${leg.name} webhook refused: the request signature does not match`);
    return void res.writeHead(403, { "content-type": "text/plain" }).end("invalid signature");
  }
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  const fields = new URLSearchParams([...query, ...form]);
  const document = leg.answer!({ streamUrl: publicBase(publicUrl, req, "ws") + mediaPath, fields });
  res.writeHead(200, { "content-type": document.contentType }).end(document.body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_WEBHOOK_BYTES) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
