// What a supporter's phone downloads and how Lighthouse rates it, against an
// empty Next.js app built in the same run. First-load JavaScript: every
// script a page references, gzip-compressed as the server sends it. Lighthouse
// (mobile emulation, Debian Chromium), median of 5 runs per page. Targets
// (issue 7): JS at most 1.15 times the empty app's; performance >= 0.95,
// accessibility 1.0, best practices >= 0.95; the staff dashboard too, signed
// in (issue 15: accessibility 1.0 there).
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchAppSecret as appSecret, prepareHttpBench } from "./lib/http-setup.ts";
import { startNext } from "./lib/next-servers.ts";
import { printFigure } from "./lib/report.ts";

const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const slug = "russia-amnesty-undesirable";
const supporterPages = ["/", `/c/${slug}`, `/c/${slug}/write`, "/privacy"];

/** Bytes of JavaScript a first visit downloads: every <script src>, gzip as served. */
async function firstLoadJs(origin: string, page: string): Promise<number> {
  const html = await (await fetch(`${origin}${page}`)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let total = 0;
  for (const src of sources) {
    const response = await fetch(new URL(src.replace(/&amp;/g, "&"), origin), {
      headers: { "accept-encoding": "gzip" },
    });
    // fetch decompresses; the wire size is what the server sent.
    const body = Buffer.from(await response.arrayBuffer());
    total +=
      response.headers.get("content-encoding") === "gzip"
        ? Number(response.headers.get("content-length") ?? gzipSize(body))
        : gzipSize(body);
  }
  return total;
}

function gzipSize(body: Buffer): number {
  return execFileSync("gzip", ["-c", "-6"], { input: body, maxBuffer: 64 * 1024 * 1024 }).length;
}

/**
 * A staff member's session, for Lighthouse on the dashboard: an account made
 * as a person makes one (npm run admin:create), signed in through the real
 * form in Chromium; the cookie is then sent with each Lighthouse request.
 */
async function staffSessionCookie(origin: string, databaseUrl: string): Promise<string> {
  const account = { email: "bench-staff@campaigns.example", password: "bench lantern meadow copper" };
  execFileSync(
    "node_modules/.bin/tsx",
    [
      "--conditions=react-server",
      "scripts/admin-create.ts",
      "--email",
      account.email,
      "--name",
      "Bench Staff",
      "--role",
      "staff",
    ],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, APP_SECRET: appSecret, ADMIN_PASSWORD: account.password },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/staff/sign-in?lang=en`);
    await page.getByLabel("Email address").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: /Dashboard/ }).waitFor({ timeout: 120_000 });
    const cookies = await page.context().cookies(origin);
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One Lighthouse run; a run Chromium spoils (e.g. NO_NAVSTART on a loaded machine) is tried again, twice at most. */
function lighthouse(url: string, cookie?: string, attempt = 1): Record<string, number> {
  try {
    return lighthouseOnce(url, cookie);
  } catch (error) {
    if (attempt >= 3) throw error;
    console.log(
      `Lighthouse run failed (${error instanceof Error ? error.message.split("\n")[0] : error}); trying again.`,
    );
    return lighthouse(url, cookie, attempt + 1);
  }
}

const metrics = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
] as const;

/** With a cookie, as a signed-in staff member (the dashboard). */
function lighthouseOnce(url: string, cookie?: string): Record<string, number> {
  const out = path.join(tmpdir(), `lh-${process.pid}.json`);
  execFileSync(
    process.execPath,
    [
      "node_modules/lighthouse/cli/index.js",
      url,
      "--quiet",
      "--form-factor=mobile",
      "--only-categories=performance,accessibility,best-practices",
      "--output=json",
      `--output-path=${out}`,
      ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run",
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || "/usr/bin/chromium" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number }>;
  };
  rmSync(out, { force: true });
  return {
    ...Object.fromEntries(Object.entries(report.categories).map(([name, c]) => [name, c.score])),
    // What the performance score is made of: why a page misses.
    ...Object.fromEntries(metrics.map((name) => [name, report.audits[name]?.numericValue ?? NaN])),
  };
}

const { database } = await prepareHttpBench("firstload");

const baselineServer = await startNext({ dir: "bench/baseline-app", port: 3405, env: {} });
let emptyJs: number;
try {
  emptyJs = await firstLoadJs(baselineServer.url, "/");
} finally {
  await baselineServer.stop();
}
console.log(`baseline: empty Next.js app, first-load JS ${(emptyJs / 1024).toFixed(1)} KiB (gzip)`);

const app = await startNext({
  distDir: ".next-bench",
  port: 3404,
  env: {
    DATABASE_URL: database.url,
    APP_SECRET: appSecret,
    PUBLIC_URL: "http://127.0.0.1:3404",
    CLIENT_IP_HEADER: "none",
  },
});
try {
  for (const page of supporterPages) {
    const js = await firstLoadJs(app.url, page);
    printFigure({
      name: `first-load JS of ${page}`,
      value: js / 1024,
      unit: "KiB",
      baseline: emptyJs / 1024,
      target: "<= 1.15",
      met: js <= 1.15 * emptyJs,
    });
  }
  const staffCookie = await staffSessionCookie(app.url, database.url);
  for (const [page, cookie] of [
    [`/c/${slug}`, undefined],
    [`/c/${slug}/write`, undefined],
    [`/staff?campaign=${slug}&lang=en`, staffCookie],
  ] as const) {
    // BENCH_LIGHTHOUSE_ONLY=write: only the pages whose address contains it.
    if (process.env.BENCH_LIGHTHOUSE_ONLY && !page.includes(process.env.BENCH_LIGHTHOUSE_ONLY)) continue;
    const scores = Array.from({ length: runs }, () => lighthouse(`${app.url}${page}`, cookie));
    const m = (name: string) => median(scores.map((s) => s[name] ?? 0));
    const [performance, accessibility, practices] = [m("performance"), m("accessibility"), m("best-practices")];
    console.log(
      `${performance >= 0.95 && accessibility === 1 && practices >= 0.95 ? "MET   " : "MISSED"} Lighthouse ${page} (mobile, median of ${runs}): performance ${performance}, accessibility ${accessibility}, best practices ${practices} (targets 0.95 / 1.0 / 0.95; runs: ${scores.map((s) => s.performance).join(", ")})`,
    );
    console.log(
      `       medians: ${metrics.map((name) => `${name} ${name === "cumulative-layout-shift" ? m(name).toFixed(3) : `${Math.round(m(name))} ms`}`).join(", ")}`,
    );
  }
} finally {
  await app.stop();
  await database.drop();
}
