/**
 * The least a webhook server can do, for the benchmark's "floor" section: node:http, the body read
 * whole, its HMAC checked with node:crypto, JSON.parse, a fixed 200 answer. Nothing is stored or
 * queued. What it costs per request is less than any real intake can cost on this machine.
 * Started by test/bench/webhooks.ts (SHOPIFY_API_SECRET, IPC as webhooks-server.ts).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

if (!process.send) throw new Error("webhooks-floor-server.ts is started by test/bench/webhooks.ts (it needs an IPC channel)");
const send = process.send.bind(process);
const key = Buffer.from(process.env.SHOPIFY_API_SECRET ?? "", "utf8");
const ANSWER = JSON.stringify({ ok: true, outcome: "queued", inboxId: 1 });

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const given = Buffer.from(String(req.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
    const local = createHmac("sha256", key).update(body, "utf8").digest();
    let status = 200;
    if (given.length !== local.length || !timingSafeEqual(given, local)) status = 401;
    else
      try {
        JSON.parse(body);
      } catch {
        status = 400;
      }
    res.writeHead(status, { "content-type": "application/json" });
    res.end(status === 200 ? ANSWER : JSON.stringify({ ok: false, outcome: String(status) }));
  });
});
server.listen(0, "127.0.0.1", () => send({ ready: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
const stop = () => server.close(() => process.exit(0));
process.on("message", (m) => {
  if (m === "stop") stop();
});
process.on("SIGTERM", stop);
process.on("disconnect", stop);
