// The HTTP side of the per-process answer cache (lib/http/page-cache.ts says
// why it exists): a request listener that answers plain public GETs from kept
// renders, each with a fresh nonce, and hands everything else to Next.js.
// Renders go through Next.js too, over a private listener on 127.0.0.1, so a
// kept page is exactly what Next.js (proxy.ts included) answered.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  AnswerCache,
  acceptsGzip,
  answerHeaders,
  cacheTarget,
  fill,
  fillGzipped,
  freshNonce,
  freshSubmissionKey,
  type CachedAnswer,
  type CacheTarget,
  type Rendered,
} from "./page-cache";

export type NodeHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

/** An error for the log: its code or name only, as a message might quote an address with a token. */
function named(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : error instanceof Error ? error.name : "unknown error";
}

/** A render longer than this is not kept (no page of ours is near it). */
const maxRenderBytes = 4 * 1024 * 1024;
const renderTimeoutMs = 30_000;

export type CachingServer = {
  /** The listener for the public server. */
  listener: (request: IncomingMessage, response: ServerResponse) => void;
  cache: AnswerCache;
  close: () => Promise<void>;
};

/**
 * The cache in front of `handle` (Next.js's request handler). Starts the
 * private render listener; `close` stops it.
 */
export async function cachingServer(
  handle: NodeHandler,
  options: { maxEntries?: number; maxBytes?: number; log?: (message: string) => void } = {},
): Promise<CachingServer> {
  const log = options.log ?? ((message: string) => console.error(message));
  const pass = (request: IncomingMessage, response: ServerResponse) => {
    // Next.js answers its own errors; anything thrown past it must not stop the process.
    Promise.resolve()
      .then(() => handle(request, response))
      .catch((error: unknown) => {
        log(`The page server failed to answer (${named(error)}).`);
        if (!response.headersSent) {
          response.statusCode = 500;
          response.end();
        } else response.destroy();
      });
  };

  const renderServer = http.createServer(pass);
  await new Promise<void>((resolve, reject) => {
    renderServer.once("error", reject);
    renderServer.listen(0, "127.0.0.1", () => resolve());
  });
  const renderPort = (renderServer.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  let failures = 0;
  const cache = new AnswerCache({
    render: (target) => renderThrough(renderPort, agent, target),
    maxEntries: options.maxEntries,
    maxBytes: options.maxBytes,
    onRenderError: (error) => {
      // Said once, then once per hundred: a database outage must not flood the log.
      if (failures++ % 100 === 0)
        log(`A page render for the cache failed (${named(error)}); Next.js answers such requests meanwhile.`);
    },
  });

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    const target = cacheTarget(request);
    if (!target) {
      pass(request, response);
      return;
    }
    cache
      .lookup(target)
      .then((found) => ("answer" in found ? send(request, response, found.answer) : pass(request, response)))
      .catch((error: unknown) => {
        log(`The answer cache failed (${named(error)}); Next.js answers.`);
        if (!response.headersSent) pass(request, response);
        else response.destroy();
      });
  };

  return {
    listener,
    cache,
    close: async () => {
      agent.destroy();
      renderServer.closeAllConnections();
      await new Promise<void>((resolve) => renderServer.close(() => resolve()));
    },
  };
}

/** One response from a kept answer: fresh nonce and letter-form key, no ETag, its own length, gzip when asked. */
function send(request: IncomingMessage, response: ServerResponse, answer: CachedAnswer): void {
  const fresh = { nonce: freshNonce(), submissionKey: freshSubmissionKey() };
  const zip = answer.gzipped !== null && acceptsGzip(request.headers["accept-encoding"]);
  const body = zip ? fillGzipped(answer.body, answer.gzipped!, fresh) : fill(answer.body, fresh);
  response.statusCode = answer.status;
  for (const [name, value] of answerHeaders(answer, fresh)) response.appendHeader(name, value);
  if (zip) response.setHeader("content-encoding", "gzip");
  response.setHeader("content-length", body.length);
  response.end(body);
}

const renderError = (code: string) => Object.assign(new Error(code), { code });

/** GET the target from Next.js over the private listener. */
function renderThrough(port: number, agent: http.Agent, target: CacheTarget): Promise<Rendered> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: target.render.path,
        headers: target.render.headers,
        agent,
        timeout: renderTimeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxRenderBytes) request.destroy(renderError("RENDER_TOO_LARGE"));
          else chunks.push(chunk);
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            rawHeaders: response.rawHeaders,
            body: Buffer.concat(chunks),
          }),
        );
        response.on("error", reject);
        response.on("close", () => {
          if (!response.complete) reject(renderError("RENDER_CUT_SHORT"));
        });
      },
    );
    request.on("timeout", () => request.destroy(renderError("RENDER_TIMEOUT")));
    request.on("error", reject);
    request.end();
  });
}
