// The web process: the app's production build served by Next.js behind the
// per-process answer cache (lib/http/cached-answers.ts). `npm start`, the
// Docker image, the end-to-end tests and the benchmarks all run this, so what
// is measured is what ships.
//
// Why not `next start`: public pages render per request because their CSP
// nonce must be fresh, which costs five to six times the throughput of a
// static page. Here a page is rendered at most about once a second per
// address and language, and every response still gets its own unpredictable
// nonce (lib/http/page-cache.ts). Everything else (staff pages, forms,
// anything with a cookie) goes to Next.js exactly as with `next start`.
//
//   node --import tsx scripts/serve.ts [--port 3000] [--hostname 0.0.0.0]
//
// PORT is read as by `next start`. Without --conditions=react-server: Next.js
// loads the app with its own conditions.
import http from "node:http";
import { parseArgs } from "node:util";
import { cachingServer } from "../lib/http/cached-answers.ts";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Not $HOSTNAME: Docker sets it to the container's name.
const hostname = values.hostname ?? "0.0.0.0";
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`The port must be a number from 0 to 65535, not "${values.port ?? process.env.PORT}".`);
  process.exit(1);
}

// As `next start` does, before Next.js is loaded.
(process.env as Record<string, string>).NODE_ENV ||= "production";
process.env.NEXT_TELEMETRY_DISABLED ||= "1";
const { default: next } = await import("next");

const started = performance.now();
const app = next({ dev: false, hostname, port });
await app.prepare();
const pages = await cachingServer(app.getRequestHandler());
const server = http.createServer(pages.listener);
await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, hostname, () => resolve());
});
const shown = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
console.log(
  `Ready in ${Math.round(performance.now() - started)} ms: http://${shown}:${port} (Next.js with the per-process page cache)`,
);

// Stop taking connections, let the requests in progress finish (a few
// seconds at most), then leave: as `next start`, but without cutting answers off.
let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  server.close(() => void pages.close().finally(() => process.exit(code)));
  server.closeIdleConnections();
  setTimeout(() => process.exit(code), 5_000).unref();
}
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
