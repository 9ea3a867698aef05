// Chromium showing a page the server answered (a form post's result, kept
// from the request sweep). A small replay proxy in the test process serves
// that answer at its own address and passes every other request (scripts,
// styles) to the app, so the browser's cache works and nothing is mocked but
// the one document. Then we look for any sign that something a supporter
// typed ran or became markup: window.__pwned, a dialog, an element with an
// on* handler, a javascript: or data: URL, a script element carrying the
// payload; and count Content-Security-Policy violations (attempts).
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "@playwright/test";

export async function launchHostileBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export type ServedDocument = { status: number; headers: Headers; body: string };

export type RenderVerdict = {
  /** window.__pwned was set or a dialog opened: a payload ran. */
  executed: string[];
  /** Markup that came from the payload: on* attributes, script-bearing URLs, scripts with the marker. */
  injectedMarkup: string[];
  /** securitypolicyviolation events: something tried and the CSP stopped it. */
  cspViolations: string[];
};

/**
 * Serves stored answers at `<path>?hostile=<id>&csp=<0|1>` (csp=0 drops the
 * Content-Security-Policy header) and forwards everything else to the app.
 */
export async function startReplayProxy(appUrl: string) {
  const app = new URL(appUrl);
  const documents: ServedDocument[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://replay");
    const id = url.searchParams.get("hostile");
    if (id !== null && documents[Number(id)]) {
      const doc = documents[Number(id)]!;
      doc.headers.forEach((value, name) => {
        if (["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"].includes(name))
          return;
        if (url.searchParams.get("csp") === "0" && name === "content-security-policy") return;
        res.setHeader(name, value);
      });
      res.statusCode = doc.status;
      res.end(doc.body);
      return;
    }
    // The letter form's proof of work would spend the CPU the server needs; it is not under test here.
    if (url.pathname.startsWith("/api/proof-of-work")) {
      res.statusCode = 503;
      res.end();
      return;
    }
    const upstream = httpRequest(
      {
        host: app.hostname,
        port: app.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: app.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => (res.headersSent ? res.destroy() : ((res.statusCode = 502), res.end())));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /** Keeps `doc` and answers the address the browser should open for it. */
    put(doc: ServedDocument, path: string, options: { keepCsp: boolean }): string {
      documents.push(doc);
      return `${origin}${path}?hostile=${documents.length - 1}&csp=${options.keepCsp ? 1 : 0}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Installed before any page script: records assignments to window.__pwned
// even if later code removes them, and every CSP violation.
const watch = () => {
  const w = window as unknown as Record<string, unknown>;
  const hits: string[] = [];
  const violations: string[] = [];
  w.__hostileHits = hits;
  w.__hostileCsp = violations;
  Object.defineProperty(window, "__pwned", {
    configurable: false,
    get: () => (hits.length ? 1 : undefined),
    set: (value) => hits.push(`window.__pwned = ${String(value)}`),
  });
  document.addEventListener("securitypolicyviolation", (event) =>
    violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
  );
};

// Run in the page after it settled, on the live document and on the served
// HTML parsed without running anything (what the page was before hydration,
// which replaces markup React did not render itself).
const inspect = (served: string) => {
  const scan = (root: Document) => {
    const injected: string[] = [];
    for (const element of Array.from(root.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (name.startsWith("on")) injected.push(`<${element.localName} ${name}="${attribute.value.slice(0, 80)}">`);
        // React's own placeholder on forms whose action is a function: never from typed text.
        const reactPlaceholder = attribute.value.startsWith(
          "javascript:throw new Error('A React form was unexpectedly submitted.",
        );
        if (
          !reactPlaceholder &&
          ["href", "src", "action", "formaction", "data", "xlink:href", "background", "poster"].includes(name) &&
          /^(javascript|vbscript|data:text\/html|data:text\/javascript)/.test(value)
        ) {
          injected.push(`<${element.localName} ${name}="${attribute.value.slice(0, 80)}">`);
        }
        if (name === "srcdoc" || (name === "http-equiv" && value === "refresh"))
          injected.push(`<${element.localName} ${name}>`);
      }
      // Next.js's own inline scripts carry the page's data (typed text included) as escaped JSON strings.
      const nextPayload = element.localName === "script" && /^\s*\(?self\.__next_f/.test(element.textContent ?? "");
      if (
        !nextPayload &&
        ["script", "iframe", "object", "embed", "base", "meta"].includes(element.localName) &&
        /__pwned|alert\(/.test(element.outerHTML)
      ) {
        injected.push(element.outerHTML.slice(0, 120));
      }
    }
    return injected;
  };
  const w = window as unknown as Record<string, string[]>;
  const before = scan(new DOMParser().parseFromString(served, "text/html")).map((found) => `${found} (served HTML)`);
  return {
    hits: w.__hostileHits ?? [],
    csp: w.__hostileCsp ?? [],
    injected: [...new Set([...before, ...scan(document)])],
  };
};

/** A page that reports what ran on every document it opens; reuse it for many. */
export async function watchedPage(
  browser: Browser,
): Promise<{ page: Page; open: (url: string, served: string) => Promise<RenderVerdict> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}(${dialog.message()})`);
    void dialog.dismiss().catch(() => {});
  });
  await page.addInitScript(watch);
  return {
    page,
    open: async (url, served) => {
      dialogs = [];
      await page.goto(url, { waitUntil: "load" });
      // Hydration and effects run after load.
      await page.waitForTimeout(100);
      const found = await page.evaluate(inspect, served);
      return { executed: [...found.hits, ...dialogs], injectedMarkup: found.injected, cspViolations: found.csp };
    },
  };
}
