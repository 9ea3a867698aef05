// Reads under load, production builds on loopback, 32 connections, in the
// same run: the totals endpoint against a bare Next.js route that returns a
// constant, and the campaign page against a static Next.js page. Then how
// stale the page's count can be: a signature is made and the page polled
// until it shows it. Targets (issues 7 and 16): totals >= 0.9 of the constant
// route; campaign page (/c/{slug} and /, the one open campaign here) >= 0.8 of
// the static page, p99 <= 100 ms, <= 5 s stale; letter builder >= 0.5.
import { benchAppSecret as appSecret, prepareHttpBench } from "./lib/http-setup.ts";
import { describeLoad, load, type LoadResult } from "./lib/load.ts";
import { startNext } from "./lib/next-servers.ts";
import { benchProofOfWorkSettings, solvedProofPool } from "./lib/proof-of-work-pool.ts";
import { printFigure } from "./lib/report.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 32;

const { database, slugs, addressees } = await prepareHttpBench("reads");
const slug = slugs[0]!;

const baselineServer = await startNext({ dir: "bench/baseline-app", port: 3403, env: {} });
let constant: LoadResult;
let staticPage: LoadResult;
// Browsers ask for gzip, which both servers then do per response: shown beside the targets, not one.
const gzip = { "accept-encoding": "gzip, deflate, br" };
let staticGzipped: LoadResult;
try {
  await load({ url: `${baselineServer.url}/api/constant`, seconds: 2 });
  constant = await load({ url: `${baselineServer.url}/api/constant`, seconds, connections });
  await load({ url: `${baselineServer.url}/`, seconds: 2 });
  staticPage = await load({ url: `${baselineServer.url}/`, seconds, connections });
  staticGzipped = await load({ url: `${baselineServer.url}/`, seconds, connections, headers: gzip });
} finally {
  await baselineServer.stop();
}
console.log(describeLoad("baseline: bare route returning a constant", constant));
console.log(describeLoad("baseline: static Next.js page", staticPage));
console.log(describeLoad("baseline: static Next.js page, gzip", staticGzipped));

const app = await startNext({
  distDir: ".next-bench",
  port: 3402,
  env: {
    DATABASE_URL: database.url,
    APP_SECRET: appSecret,
    PUBLIC_URL: "http://127.0.0.1:3402",
    CLIENT_IP_HEADER: "x-forwarded-for",
    ...benchProofOfWorkSettings,
  },
});
let n = 0;
let proofs: Awaited<ReturnType<typeof solvedProofPool>> | undefined;
async function sign(): Promise<void> {
  n++;
  const response = await fetch(`${app.url}/api/campaigns/${slug}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${n >> 8}.${n & 255}` },
    body: JSON.stringify({
      addressees,
      language: "en",
      subject: "S",
      body: "{{salutation}}\n\nPlease.\n\n{{signer}}",
      identity: "anonymous",
      country: ["DE", "FR", "PL", "BR", "JP"][n % 5],
      channel: "pdf_print",
      replyToMe: false,
      consentIdentity: false,
      consentCounted: true,
      consentContact: false,
      altcha: (proofs ??= await solvedProofPool(5_000)).take(),
    }),
  });
  if (response.status !== 201) throw new Error(`signing answered ${response.status}: ${await response.text()}`);
}
let totals: LoadResult;
let page: LoadResult;
let home: LoadResult;
let builder: LoadResult;
let pageGzipped: LoadResult;
const staleness: number[] = [];
try {
  // Some history for the counts to add up.
  for (let i = 0; i < 300; i++) await sign();
  await load({ url: `${app.url}/api/campaigns/${slug}/totals`, seconds: 2 });
  totals = await load({ url: `${app.url}/api/campaigns/${slug}/totals`, seconds, connections });
  await load({ url: `${app.url}/c/${slug}`, seconds: 2 });
  page = await load({ url: `${app.url}/c/${slug}`, seconds, connections });
  pageGzipped = await load({ url: `${app.url}/c/${slug}`, seconds, connections, headers: gzip });
  await load({ url: `${app.url}/`, seconds: 2 });
  home = await load({ url: `${app.url}/`, seconds, connections });
  await load({ url: `${app.url}/c/${slug}/write`, seconds: 2 });
  builder = await load({ url: `${app.url}/c/${slug}/write`, seconds, connections });

  // Staleness: how long after an acknowledged signature the page counts it.
  const shown = async () =>
    Number(
      (await (await fetch(`${app.url}/c/${slug}`)).text())
        .match(/([\d,]+) people have written so far/)?.[1]
        ?.replace(/,/g, "") ?? NaN,
    );
  for (let i = 0; i < 5; i++) {
    const before = await shown();
    const signedAt = performance.now();
    await sign();
    while ((await shown()) < before + 1) {
      if (performance.now() - signedAt > 30_000) throw new Error("the page never showed the new signature");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    staleness.push(performance.now() - signedAt);
  }
} finally {
  await app.stop();
}
console.log(describeLoad("totals endpoint", totals));
console.log(describeLoad("campaign page", page));
console.log(describeLoad("campaign page, gzip", pageGzipped));
console.log(describeLoad("home page (the campaign)", home));
console.log(describeLoad("letter builder", builder));
const clean = (r: LoadResult) =>
  r.errors === 0 && r.timeouts === 0 && Object.keys(r.statuses).every((s) => s === "200");
const worstStale = Math.max(...staleness);
printFigure({
  name: "totals endpoint",
  value: totals.rps,
  unit: "req/s",
  baseline: constant.rps,
  target: ">= 0.9, zero errors",
  met: totals.rps >= 0.9 * constant.rps && clean(totals),
});
printFigure({
  name: `campaign page (p99 ${page.p99} ms; count shown ${staleness.map((s) => s.toFixed(0)).join("/")} ms after signing)`,
  value: page.rps,
  unit: "req/s",
  baseline: staticPage.rps,
  target: ">= 0.8, p99 <= 100 ms, <= 5 s stale",
  met: page.rps >= 0.8 * staticPage.rps && page.p99 <= 100 && worstStale <= 5000 && clean(page),
});
printFigure({
  name: `campaign page as browsers ask for it, gzip (p99 ${pageGzipped.p99} ms)`,
  value: pageGzipped.rps,
  unit: "req/s",
  baseline: staticGzipped.rps,
  target: "none (shown beside the campaign page's); zero errors",
  met: clean(pageGzipped),
});
printFigure({
  name: `home page, one open campaign (p99 ${home.p99} ms)`,
  value: home.rps,
  unit: "req/s",
  baseline: staticPage.rps,
  target: ">= 0.8, p99 <= 100 ms",
  met: home.rps >= 0.8 * staticPage.rps && home.p99 <= 100 && clean(home),
});
printFigure({
  name: `letter builder (p99 ${builder.p99} ms)`,
  value: builder.rps,
  unit: "req/s",
  baseline: staticPage.rps,
  target: ">= 0.5, zero errors",
  met: builder.rps >= 0.5 * staticPage.rps && clean(builder),
});
await database.drop();
