// Signing through the JSON API under load (validation, anti-abuse check,
// signature, letters, confirmation email queued) against a bare Next.js route
// handler that inserts one row, both production builds on the same
// PostgreSQL, 32 connections, in the same run. Then one hot campaign against
// the same load spread over 50 campaigns. Targets (issue 7): ratio >= 0.6,
// p99 <= 150 ms, zero errors, rows written == successful responses; hot
// within 10% of spread.
// BENCH_CPU_PROF=<folder>: the app server runs with `node --cpu-prof` into
// that folder, and its five costliest frames by self time are printed.
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "./lib/bench-database.ts";
import { benchAppSecret as appSecret, prepareHttpBench } from "./lib/http-setup.ts";
import { describeLoad, load, type LoadResult } from "./lib/load.ts";
import { startNext } from "./lib/next-servers.ts";
import { benchProofOfWorkSettings, solvedProofPool } from "./lib/proof-of-work-pool.ts";
import { printFigure } from "./lib/report.ts";
import { supporterClientAddress, supporterForm } from "./lib/supporter-form.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 32;
const campaigns = 50;

const { database, slugs, addressees } = await prepareHttpBench("signing", { campaigns });
// Every API signature carries a solved proof of work, as real clients send.
const proofs = await solvedProofPool(Number(process.env.BENCH_PROOFS ?? 20_000));
const sampleProof = proofs.take();
await sql(
  database.url,
  "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
);

/** Waits until no signature has been written for a second. */
async function settled(url: string): Promise<void> {
  let last = -1;
  for (;;) {
    const now = Number((await sql<{ n: string }>(url, `SELECT count(*) AS n FROM "Signature"`))[0]!.n);
    if (now === last) return;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

let counter = 0;
/** A new supporter each time: their own email and client address, so limits never bite; a fresh proof of work unless for the baseline (which checks none). */
function signature(proved = true) {
  const n = counter++;
  return {
    body: JSON.stringify(
      supporterForm(n, addressees, {
        channel: process.env.BENCH_CHANNEL ?? "platform_email",
        altcha: proved ? proofs.take() : sampleProof,
      }),
    ),
    headers: { "x-forwarded-for": supporterClientAddress(n) },
  };
}
const json = { "content-type": "application/json" };

const baselineServer = await startNext({ dir: "bench/baseline-app", port: 3401, env: { DATABASE_URL: database.url } });
let baseline: LoadResult;
try {
  await load({
    url: `${baselineServer.url}/api/insert`,
    method: "POST",
    headers: json,
    seconds: 2,
    request: () => signature(false),
  });
  baseline = await load({
    url: `${baselineServer.url}/api/insert`,
    method: "POST",
    headers: json,
    seconds,
    connections,
    request: () => signature(false),
  });
} finally {
  await baselineServer.stop();
}
console.log(describeLoad("baseline: bare route handler inserting one row", baseline));

const profileDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const profileStarted = Date.now();
const app = await startNext({
  distDir: ".next-bench",
  port: 3400,
  env: {
    DATABASE_URL: database.url,
    APP_SECRET: appSecret,
    PUBLIC_URL: "http://127.0.0.1:3400",
    CLIENT_IP_HEADER: "x-forwarded-for",
    ...benchProofOfWorkSettings,
    ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
  },
});
let hot: LoadResult;
let spread: LoadResult;
let counted: LoadResult;
let rowsBefore = 0;
let rowsAfter = 0;
try {
  const signAt = (slug: string) => `/api/campaigns/${slug}/signatures`;
  await load({
    url: `${app.url}${signAt(slugs[0]!)}`,
    method: "POST",
    headers: json,
    seconds: 2,
    request: () => signature(),
  });
  hot = await load({
    url: `${app.url}${signAt(slugs[0]!)}`,
    method: "POST",
    headers: json,
    seconds,
    connections,
    request: () => signature(),
  });
  // Rows against answers: a fixed number of requests, so none is cut off
  // mid-flight, once the server has finished what the timed run left open.
  await settled(database.url);
  rowsBefore = Number((await sql<{ n: string }>(database.url, `SELECT count(*) AS n FROM "Signature"`))[0]!.n);
  counted = await load({
    url: `${app.url}${signAt(slugs[0]!)}`,
    method: "POST",
    headers: json,
    amount: Math.max(200, Math.round(hot.rps * 5)),
    connections,
    request: () => signature(),
  });
  rowsAfter = Number((await sql<{ n: string }>(database.url, `SELECT count(*) AS n FROM "Signature"`))[0]!.n);
  let next = 0;
  spread = await load({
    url: `${app.url}${signAt(slugs[0]!)}`,
    method: "POST",
    headers: json,
    seconds,
    connections,
    request: () => ({ ...signature(), path: signAt(slugs[next++ % slugs.length]!) }),
  });
} finally {
  await app.stop();
}
console.log(describeLoad("signing API, one campaign", hot));
console.log(describeLoad(`signing API, spread over ${campaigns} campaigns`, spread));

console.log(describeLoad("fixed-count run for rows against answers", counted));
const created = counted.statuses["201"] ?? 0;
const written = rowsAfter - rowsBefore;
const clean = (r: LoadResult) =>
  r.errors === 0 && r.timeouts === 0 && Object.keys(r.statuses).every((s) => s === "201");
printFigure({
  name: `signing through the JSON API at ${connections} connections (p99 ${hot.p99} ms; ${written} rows for ${created} answers 201)`,
  value: hot.rps,
  unit: "req/s",
  baseline: baseline.rps,
  target: ">= 0.6, p99 <= 150 ms, zero errors, rows == 201s",
  met: hot.rps >= 0.6 * baseline.rps && hot.p99 <= 150 && clean(hot) && clean(counted) && written === created,
});
printFigure({
  name: `one hot campaign vs the same load over ${campaigns} campaigns`,
  value: hot.rps,
  unit: "req/s",
  baseline: spread.rps,
  target: "within 10% (ratio 0.9-1.1)",
  met: Math.abs(hot.rps / spread.rps - 1) <= 0.1 && clean(spread),
});
if (profileDir) {
  const signatures = Number((await sql<{ n: string }>(database.url, `SELECT count(*) AS n FROM "Signature"`))[0]!.n);
  printProfile(profileDir, signatures);
}
await database.drop();
if (written !== created) {
  console.error(`Rows written (${written}) differ from successful answers (${created}).`);
  process.exit(1);
}

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/**
 * The app server's profile of this run (the largest one written since it
 * started): the five frames with the most self time, and CPU per signature
 * (every sample but idle, start-up included, over the signatures written).
 */
function printProfile(folder: string, signatures: number): void {
  const newest = readdirSync(folder)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(folder, name))
    .filter((file) => statSync(file).mtimeMs >= profileStarted)
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!newest) return console.log(`No CPU profile was written into ${folder}.`);
  const profile = JSON.parse(readFileSync(newest, "utf8")) as CpuProfile;
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = frameOf.get(id)!;
    if (frame.functionName === "(idle)") return;
    const micros = profile.timeDeltas[i] ?? 0;
    busy += micros;
    const where = frame.url
      ? ` ${frame.url.replace(/^file:\/\//, "").replace(/^.*?(node_modules\/|\.next-bench\/)/, "$1")}:${frame.lineNumber + 1}`
      : "";
    const key = `${frame.functionName || "(anonymous)"}${where}`;
    self.set(key, (self.get(key) ?? 0) + micros);
    const area = packageOf(frame.url) ?? frame.functionName;
    byPackage.set(area, (byPackage.get(area) ?? 0) + micros);
  });
  console.log(
    `CPU profile ${newest}: ${(busy / 1000).toFixed(0)} ms busy, ${(busy / 1000 / Math.max(1, signatures)).toFixed(2)} ms per signature (${signatures} written); top five frames by self time:`,
  );
  for (const [frame, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 5))
    console.log(
      `  ${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${frame}`,
    );
  const areas = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(
    `  by package: ${areas.map(([area, micros]) => `${area} ${((100 * micros) / busy).toFixed(1)}%`).join(", ")}`,
  );
}

/** Where a frame's code comes from: an npm package, Node itself, WebAssembly (Prisma's query compiler), or the app's bundle. */
function packageOf(url: string): string | null {
  if (!url) return null;
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (npm) return npm[1]!;
  if (url.startsWith("node:")) return "node";
  if (url.startsWith("wasm://")) return "wasm";
  return url.includes(".next-bench") ? "app bundle" : url;
}
