// How long the signing proof of work takes a supporter, and what it costs a
// bot. The real letter page in Debian's Chromium solves challenges from the
// app's own /api/proof-of-work, with as many Web Workers as the machine has
// cores (the widget's default). Chrome's CPU throttling (Lighthouse's phone
// stand-in) does not slow Web Workers, where the work runs: measured, a 4x
// "slower" CPU changed 0.63 s to 0.77 s. So the figure is this machine's, and
// the target is half a second here: a mid-range phone, about half as fast per
// core with more cores, lands near one second (issue 13). Baseline in the same
// run: the same challenges solved natively in Node on one core, as a bot would.
// Try other settings with PROOF_OF_WORK_ITERATIONS / PROOF_OF_WORK_ATTEMPTS.
import os from "node:os";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { chromium } from "playwright";
import { freshBenchDatabase } from "./lib/bench-database.ts";
import { benchAppSecret } from "./lib/http-setup.ts";
import { appDistDir, ensureAppBuild, startNext } from "./lib/next-servers.ts";
import { printFigure } from "./lib/report.ts";

const runs = Number(process.env.BENCH_POW_RUNS ?? 9);
const slug = "russia-amnesty-undesirable";
const settings = Object.fromEntries(
  ["PROOF_OF_WORK_ITERATIONS", "PROOF_OF_WORK_ATTEMPTS"]
    .filter((name) => process.env[name])
    .map((name) => [name, process.env[name]!]),
);

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!;
const p90 = (values: number[]) => sorted(values)[Math.min(values.length - 1, Math.ceil(values.length * 0.9) - 1)]!;

ensureAppBuild();
const database = await freshBenchDatabase("pow");
Object.assign(process.env, { DATABASE_URL: database.url, APP_SECRET: benchAppSecret });
const { seedCampaign } = await import("../lib/campaigns/seed-campaign.ts");
const { launchCampaign } = await import("../lib/campaigns/launch-campaign.ts");
const { disconnectDb } = await import("../lib/core/db.ts");
await seedCampaign(launchCampaign);
await disconnectDb();

const app = await startNext({
  distDir: appDistDir,
  port: 3406,
  env: {
    DATABASE_URL: database.url,
    APP_SECRET: benchAppSecret,
    PUBLIC_URL: "http://127.0.0.1:3406",
    CLIENT_IP_HEADER: "none",
    ...settings,
  },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});

/** Seconds from the form's first focus to the solved payload in the form, in a fresh page each time. */
async function browserSolveTimes(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/c/${slug}/write`, { waitUntil: "load" });
    // The widget loads its module after hydration; wait for it before timing.
    await page.waitForFunction(() => customElements.get("altcha-widget") !== undefined, null, { timeout: 120_000 });
    const started = performance.now();
    // The supporter's first step: choosing their country. The widget starts on the form's first focus.
    await page.locator("form select").first().focus();
    await page.waitForFunction(
      () => (document.querySelector("input[name=altcha]") as HTMLInputElement | null)?.value.startsWith("eyJ"),
      null,
      {
        timeout: 300_000,
        polling: 20,
      },
    );
    times.push((performance.now() - started) / 1000);
    await context.close();
  }
  return times;
}

/** Seconds for Node to solve fresh challenges from the same route on one core: a bot's cost. */
async function nativeSolveTimes(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const challenge = await (await fetch(`${app.url}/api/proof-of-work`)).json();
    const started = performance.now();
    const solution = await solveChallenge({ challenge, deriveKey });
    if (!solution) throw new Error("Node could not solve the challenge.");
    times.push((performance.now() - started) / 1000);
  }
  return times;
}

try {
  const challenge = await (await fetch(`${app.url}/api/proof-of-work`)).json();
  console.log(
    `Challenge: ${challenge.parameters.algorithm}, ${challenge.parameters.cost} iterations per attempt` +
      (Object.keys(settings).length ? ` (settings: ${JSON.stringify(settings)})` : " (the defaults)") +
      `; ${runs} runs each.`,
  );
  const native = await nativeSolveTimes();
  const desktop = await browserSolveTimes();
  const show = (label: string, t: number[]) =>
    console.log(
      `${label}: median ${median(t).toFixed(2)} s, p90 ${p90(t).toFixed(2)} s, all ${sorted(t)
        .map((v) => v.toFixed(2))
        .join(" ")}`,
    );
  show("baseline: Node on one core (a bot)", native);
  show(`Chromium, this machine (${os.availableParallelism()} cores)`, desktop);
  console.log(
    `A bot on one core signs at most ${Math.round(3600 / median(native))} times an hour from the work alone.`,
  );
  printFigure({
    name: "proof of work in Chromium on this machine (median)",
    value: median(desktop) * 1000,
    unit: "ms",
    baseline: median(native) * 1000,
    target: "0.3-1 s here, about 1 s on a phone",
    met: median(desktop) >= 0.3 && median(desktop) <= 1,
    note: "baseline: the same work natively in Node, one core",
  });
} finally {
  await browser.close();
  await app.stop();
  await database.drop();
}
