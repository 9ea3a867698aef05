// Scale-out under a surge (issue 16): two web instances (scripts/serve.ts,
// the production build) and two delivery workers (scripts/worker.ts) on one
// PostgreSQL, behind nginx from Debian (bench/lib/reverse-proxy.ts), mail to
// an SMTP sink in this process that keeps every message. Supporters sign
// through the API at a fixed rate (open loop, pre-solved proofs of work,
// platform_email: their letters go out once they confirm), follow the link
// in the confirmation email through nginx (the page, then its button as a
// browser without JavaScript posts it), and read the totals. Halfway, one
// web instance is killed (SIGKILL), and one worker while letters are in the
// middle of their SMTP conversations (the sink holds its answers for that
// moment), so another worker must take its messages over. A client whose
// request failed sends the same form again (same submissionKey; a fresh proof
// of work when the first one was spent by a write whose answer was lost).
// Checks: every acknowledged signature is one row (none lost, none twice),
// the public totals after the roll-up equal counts over the raw rows, every
// letter reached the sink exactly once and none is left unsent; figures for
// errors and throughput before and after the kill, the after as a ratio of
// the before in the same run.
//   BENCH_RATE (signatures/s, default 33), BENCH_SECONDS (default 20, the
//   kill at half), BENCH_KILL_WORKER=0 to keep both workers,
//   BENCH_PRINT_NGINX=1 to print the generated nginx.conf.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { SmtpSink } from "../tests/helpers/smtp-sink.ts";
import { freePort } from "../tests/helpers/free-port.ts";
import { actionIds } from "../tests/helpers/hostile-requests.ts";
import { freshBenchDatabase, sql } from "./lib/bench-database.ts";
import { benchAppSecret } from "./lib/http-setup.ts";
import { appDistDir, ensureAppBuild, startNext, type NextServer } from "./lib/next-servers.ts";
import { benchProofOfWorkSettings, solvedProofPool } from "./lib/proof-of-work-pool.ts";
import { startNginx, type ReverseProxy } from "./lib/reverse-proxy.ts";
import { percentile } from "./lib/stats.ts";
import { printFigure } from "./lib/report.ts";
import { supporterForm } from "./lib/supporter-form.ts";

const rate = Number(process.env.BENCH_RATE ?? 33);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const killWorker = process.env.BENCH_KILL_WORKER !== "0";
const staleSeconds = 20;
const totalsPerSecond = 20;
const confirmersAtOnce = 8;
const maxAttempts = 6;

ensureAppBuild();
const confirmAction = actionIds(appDistDir).get("app/(site)/c/[slug]/confirm/actions.ts#confirmAddress");
if (!confirmAction) throw new Error(`No confirmAddress server action in ${appDistDir}'s manifest.`);
const database = await freshBenchDatabase("scaleout");
Object.assign(process.env, { DATABASE_URL: database.url, APP_SECRET: benchAppSecret, ...benchProofOfWorkSettings });
const { seedCampaign } = await import("../lib/campaigns/seed-campaign.ts");
const { launchCampaign } = await import("../lib/campaigns/launch-campaign.ts");
const { disconnectDb } = await import("../lib/core/db.ts");
await seedCampaign(launchCampaign);
await disconnectDb();
const slug = launchCampaign.slug;
const addressees = (
  await sql<{ id: string }>(
    database.url,
    `SELECT a."addresseeId" AS id FROM "CampaignAddressee" a JOIN "Campaign" c ON c.id = a."campaignId" WHERE c.slug = $1 ORDER BY a.position`,
    [slug],
  )
).map((r) => r.id);
const planned = Math.ceil(rate * seconds);
// Each signature's proof, and a spare for every retry whose first proof a lost answer spent.
const proofs = await solvedProofPool(planned + Math.ceil(planned / 2) + 100);

const sink = await new SmtpSink().start();
const [portA, portB, proxyPort] = [await freePort(), await freePort(), await freePort()];
const proxyUrl = `http://127.0.0.1:${proxyPort}`;
const shared = {
  DATABASE_URL: database.url,
  APP_SECRET: benchAppSecret,
  PUBLIC_URL: proxyUrl,
  CLIENT_IP_HEADER: "x-real-ip",
  SMTP_URL: sink.url,
  MAIL_FROM_ADDRESS: "letters@campaigns.example",
  DATABASE_POOL_MAX: "10",
  ...benchProofOfWorkSettings,
};

function startWorker(name: string): { child: ChildProcess; output: () => string } {
  // tsx as a loader in this one process, so that a SIGKILL reaches the worker itself.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    env: {
      ...process.env,
      ...shared,
      NODE_ENV: "production",
      NODE_OPTIONS: "",
      EMBEDDED_DATABASE: "false",
      DELIVERY_PER_DOMAIN_PER_MINUTE: "10000",
      DELIVERY_HOURS: "0-24",
      DELIVERY_STALE_SECONDS: String(staleSeconds),
      WORKER_CONCURRENCY: "4",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  child.on("exit", (code, signal) => {
    if (signal !== "SIGKILL" && signal !== "SIGTERM" && code !== 0) console.error(`${name} exited ${code}:\n${output}`);
  });
  return { child, output: () => output };
}

/** The process listening on a port (the web instance startNext started), to kill it as a crash would. */
function listenerPid(port: number): number {
  const ss = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" }).stdout;
  const pid = Number(/pid=(\d+)/.exec(ss)?.[1]);
  if (!pid || !readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("scripts/serve.ts"))
    throw new Error(`No web instance of ours listens on ${port}: ${ss}`);
  return pid;
}

const webA: NextServer = await startNext({ distDir: appDistDir, port: portA, env: shared });
// Instance B is never stopped, only killed (its stop() would wait for an exit already past).
const webB: NextServer = await startNext({ distDir: appDistDir, port: portB, env: shared });
const webBPid = listenerPid(portB);
const workers = [startWorker("worker 1"), startWorker("worker 2")];
const proxy: ReverseProxy = await startNginx(proxyPort, [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`]);
console.log(
  `Scale-out: ${rate} signatures/s for ${seconds} s through nginx ${proxyUrl} (config ${proxy.configFile}) to web ${portA} and ${portB}, 2 workers, PostgreSQL ${database.url.replace(/\/\/[^@]*@/, "//")}; at ${seconds / 2} s web ${portB}${killWorker ? " and worker 2" : ""} get SIGKILL.`,
);
if (process.env.BENCH_PRINT_NGINX) console.log(proxy.config);
// What a cache in front may keep, as the app says it (docs/DEPLOY.md, "Scaling out").
{
  const home = await fetch(proxyUrl);
  const asset = /\/_next\/static\/[^"']+\.js/.exec(await home.text())?.[0];
  for (const path of ["/", `/c/${slug}`, `/c/${slug}/write`, `/api/campaigns/${slug}/totals`, asset]) {
    if (!path) continue;
    const answer = await fetch(`${proxyUrl}${path}`);
    await answer.arrayBuffer();
    const csp = answer.headers.get("content-security-policy")?.includes("nonce-") ? ", CSP with a nonce" : "";
    console.log(
      `  Cache-Control of ${path.replace(/[^/]+\.js$/, "….js")}: ${answer.headers.get("cache-control")}${csp}`,
    );
  }
}

// ---- clients ---------------------------------------------------------------
type Phase = "before" | "after";
type Attempt = { phase: Phase; outcome: string; ms: number };
type Supporter = {
  n: number;
  email: string;
  submissionKey: string;
  acknowledged: { signatureId: string; at: number; status: number } | null;
  attempts: Attempt[];
  confirmed: boolean;
};
const supporters: Supporter[] = [];
const byEmail = new Map<string, Supporter>();
const totalsReads: Attempt[] = [];
const confirmations: Attempt[] = [];
let killedAt = Infinity;
const phaseNow = (): Phase => (Date.now() < killedAt ? "before" : "after");
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A request through nginx; a failure to connect or a cut answer is an outcome, not an exception. */
async function send(path: string, init: RequestInit): Promise<{ status: number; text: string; location: string }> {
  const response = await fetch(`${proxyUrl}${path}`, {
    ...init,
    redirect: "manual",
    signal: AbortSignal.timeout(20_000),
  });
  return { status: response.status, text: await response.text(), location: response.headers.get("location") ?? "" };
}

/** A request that got no answer: timed out, or which error ended it (fetch's cause names the socket's). */
function failure(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "timeout";
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return `no answer (${cause?.code ?? cause?.message ?? String(error)})`;
}

async function sign(s: Supporter): Promise<void> {
  const form = supporterForm(s.n, addressees, {
    email: s.email,
    submissionKey: s.submissionKey,
    altcha: proofs.take(),
  });
  const n = s.n;
  const headers = {
    "content-type": "application/json",
    "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  };
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const started = performance.now();
    let outcome: string;
    try {
      const answer = await send(`/api/campaigns/${slug}/signatures`, {
        method: "POST",
        headers,
        body: JSON.stringify(form),
      });
      outcome = String(answer.status);
      if (answer.status === 201 || answer.status === 200) {
        const body = JSON.parse(answer.text) as { signatureId: string };
        s.acknowledged = { signatureId: body.signatureId, at: Date.now(), status: answer.status };
      } else if (answer.status === 422 && answer.text.includes('"altcha"')) {
        // The proof was spent by an earlier attempt whose answer was lost: that write
        // may have committed; the same form with a fresh proof finds it by its key.
        outcome = "422 proof spent";
        form.altcha = proofs.take();
      }
    } catch (error) {
      outcome = failure(error);
    }
    s.attempts.push({ phase: phaseNow(), outcome, ms: performance.now() - started });
    if (s.acknowledged) return;
    await sleep(100 * attempt);
  }
}

/** Follows a confirmation email's link: the page (GET), then its button (the server action, as a form post). */
async function confirm(s: Supporter, link: string): Promise<void> {
  const url = new URL(link);
  const token = url.searchParams.get("token")!;
  // More patience than for signing: a supporter left unconfirmed would leave letters unsent for good.
  for (let attempt = 1; attempt <= 2 * maxAttempts && !s.confirmed; attempt++) {
    const started = performance.now();
    let outcome: string;
    try {
      const page = await send(`${url.pathname}${url.search}`, { method: "GET" });
      if (page.status !== 200) outcome = `page ${page.status}`;
      else {
        const body = new FormData();
        body.append(`$ACTION_ID_${confirmAction}`, "");
        body.append("slug", slug);
        body.append("token", token);
        body.append("lang", "en");
        const answer = await send(url.pathname, { method: "POST", headers: { Origin: proxyUrl }, body });
        outcome = `${answer.status}${/result=(\w+)/.exec(answer.location)?.[1] ? ` ${/result=(\w+)/.exec(answer.location)![1]}` : ""}`;
        if (/result=(confirmed|already_confirmed)/.test(answer.location)) s.confirmed = true;
      }
    } catch (error) {
      outcome = failure(error);
    }
    confirmations.push({ phase: phaseNow(), outcome, ms: performance.now() - started });
    if (!s.confirmed) await sleep(200 * attempt);
  }
}

// Confirmation emails as they arrive, a few supporters at a time.
let read = 0;
let confirming = 0;
const confirmQueue: [Supporter, string][] = [];
const pendingConfirmations = new Set<Promise<void>>();
let stopConfirmer = false;
const confirmer = (async () => {
  while (!stopConfirmer) {
    for (; read < sink.received.length; read++) {
      const mail = sink.received[read]!;
      const link = /https?:\/\/\S+\/confirm\?token=[^\s"<>]+/.exec(mail.parsed.text ?? "")?.[0];
      const s = byEmail.get(mail.envelopeTo[0] ?? "");
      if (link && s && !s.confirmed) confirmQueue.push([s, link]);
    }
    while (confirming < confirmersAtOnce && confirmQueue.length) {
      const [s, link] = confirmQueue.shift()!;
      confirming++;
      const work = confirm(s, link).finally(() => {
        confirming--;
        pendingConfirmations.delete(work);
      });
      pendingConfirmations.add(work);
    }
    await sleep(20);
  }
  await Promise.all(pendingConfirmations);
})();

let stopReading = false;
const totalsReader = (async () => {
  while (!stopReading) {
    const started = performance.now();
    let outcome: string;
    try {
      outcome = String((await send(`/api/campaigns/${slug}/totals`, { method: "GET" })).status);
    } catch {
      outcome = "connection error";
    }
    totalsReads.push({ phase: phaseNow(), outcome, ms: performance.now() - started });
    await sleep(Math.max(0, 1000 / totalsPerSecond - (performance.now() - started)));
  }
})();

// ---- the surge, and the kill at half time -------------------------------------
const count = async (query: string, values: unknown[] = []) =>
  Number((await sql<{ n: string }>(database.url, query, values))[0]!.n);
let sendingAtKill = 0;
/**
 * Worker 2 dies with letters in the middle of their SMTP conversation: the
 * sink holds its answers (250) until at least 10 messages are "sending"
 * (at most 3 s), then the worker gets SIGKILL and the sink answers again.
 * The dead worker's conversations were never answered, so the sink keeps
 * none of them; its held messages must be taken over once stale.
 */
async function killWorkerMidSend(): Promise<void> {
  sink.holdAfter(sink.received.length);
  const deadline = Date.now() + 3_000;
  for (;;) {
    sendingAtKill = await count(`SELECT count(*) AS n FROM "DeliveryMessage" WHERE status = 'sending'`);
    if (sendingAtKill >= 10 || Date.now() > deadline) break;
    await sleep(20);
  }
  workers[1]!.child.kill("SIGKILL");
  await sleep(200);
  sink.release();
}
const runId = randomBytes(3).toString("hex");
const signing = new Set<Promise<void>>();
const surgeStart = Date.now();
const killAtMs = surgeStart + (seconds * 1000) / 2;
for (let i = 0; i < planned; i++) {
  const due = surgeStart + (i * 1000) / rate;
  if (Date.now() < due) await sleep(due - Date.now());
  if (killedAt === Infinity && Date.now() >= killAtMs) {
    process.kill(webBPid, "SIGKILL");
    killedAt = Date.now();
    if (killWorker) void killWorkerMidSend();
  }
  const s: Supporter = {
    n: i,
    email: `supporter${i}.${runId}@example.org`,
    submissionKey: randomBytes(18).toString("base64url"),
    acknowledged: null,
    attempts: [],
    confirmed: false,
  };
  supporters.push(s);
  byEmail.set(s.email, s);
  const work = sign(s).finally(() => signing.delete(work));
  signing.add(work);
}
const offeredUntil = Date.now();
await Promise.all(signing);
const signedUntil = Date.now();
stopReading = true;
await totalsReader;

// ---- drain: every acknowledged supporter confirms, every letter goes out --------
const acknowledged = supporters.filter((s) => s.acknowledged);
async function waitUntil(what: string, done: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) {
      console.log(`Gave up waiting for ${what} after ${timeoutMs / 1000} s.`);
      return false;
    }
    await sleep(250);
  }
  return true;
}
// Confirmation emails a dead worker held come back with the sweep (each minute, once DELIVERY_STALE_SECONDS old).
await waitUntil("every confirmation", () => acknowledged.every((s) => s.confirmed), 180_000);
stopConfirmer = true;
await confirmer;
const drainStart = Date.now();
await waitUntil(
  "the letters to drain",
  async () => (await count(`SELECT count(*) AS n FROM "DeliveryMessage" WHERE status <> 'sent'`)) === 0,
  180_000,
);
const drained = (Date.now() - drainStart) / 1000;
await waitUntil("the roll-up", async () => (await count(`SELECT count(*) AS n FROM "PendingTally"`)) === 0, 30_000);
await sleep(1500); // the totals answer is at most 1 s old in each instance's cache
const publicTotals = JSON.parse((await send(`/api/campaigns/${slug}/totals`, { method: "GET" })).text) as {
  signatures: number;
  letters: number;
  lettersSent: number;
};

// ---- the checks ---------------------------------------------------------------
const rows = await sql<{ id: string; submissionKey: string }>(
  database.url,
  `SELECT id, "submissionKey" FROM "Signature" WHERE "submissionKey" IS NOT NULL`,
);
const rowsByKey = new Map<string, string[]>();
for (const r of rows) rowsByKey.set(r.submissionKey, [...(rowsByKey.get(r.submissionKey) ?? []), r.id]);
const lost = acknowledged.filter((s) => rowsByKey.get(s.submissionKey)?.[0] !== s.acknowledged!.signatureId).length;
const twice = [...rowsByKey.values()].filter((ids) => ids.length > 1).length;
const unacknowledgedRows = supporters.filter((s) => !s.acknowledged && rowsByKey.has(s.submissionKey)).length;

const raw = {
  signatures: await count(`SELECT count(*) AS n FROM "Signature" WHERE "countedAt" IS NOT NULL`),
  letters: await count(
    `SELECT count(*) AS n FROM "Letter" l JOIN "Signature" s ON s.id = l."signatureId" WHERE s."countedAt" IS NOT NULL`,
  ),
  lettersSent: await count(`SELECT count(*) AS n FROM "Letter" WHERE status = 'sent' OR "reportedSentAt" IS NOT NULL`),
};
// A message claimed again after its hold went stale (a killed worker's) has attempts > 1; released holds give theirs back.
const takenOver = await count(`SELECT count(*) AS n FROM "DeliveryMessage" WHERE attempts > 1`);
const awaiting = await count(`SELECT count(*) AS n FROM "Letter" WHERE status = 'awaiting_confirmation'`);
const messages = await sql<{ messageIdHeader: string; status: string }>(
  database.url,
  `SELECT "messageIdHeader", status FROM "DeliveryMessage"`,
);
await sink.stop();
const expected = new Set(messages.map((m) => m.messageIdHeader));
const delivered = sink.received.map((m) => m.parsed.messageId ?? "").filter((id) => expected.has(id));
const deliveredOnce = new Set(delivered);
const duplicates = delivered.length - deliveredOnce.size;
const missing = [...expected].filter((id) => !deliveredOnce.has(id)).length;
const unsent = messages.filter((m) => m.status !== "sent").length;

const nginxLog = proxy.errorLog();
// What the processes logged about errors (a 500 has its cause there), each distinct line once.
const errorLines = [webA.output(), webB.output(), ...workers.map((w) => w.output())]
  .flatMap((output) => output.split("\n"))
  .filter((text) => /error|fail|timeout/i.test(text))
  .map((text) => text.trim().slice(0, 200));
await proxy.stop();
await webA.stop();
for (const w of workers) {
  if (w.child.exitCode !== null || w.child.signalCode !== null) continue;
  const exited = new Promise((resolve) => w.child.once("exit", resolve));
  w.child.kill("SIGTERM");
  await exited;
}
await database.drop();

// ---- the report ---------------------------------------------------------------
const phaseSeconds = { before: (killedAt - surgeStart) / 1000, after: (offeredUntil - killedAt) / 1000 };
function phaseFigures(phase: Phase) {
  const from = phase === "before" ? surgeStart : killedAt;
  const to = phase === "before" ? killedAt : offeredUntil;
  const acks = acknowledged.filter((s) => s.acknowledged!.at >= from && s.acknowledged!.at < to).length;
  const attempts = supporters.flatMap((s) => s.attempts).filter((a) => a.phase === phase);
  const ok = attempts.filter((a) => a.outcome === "201" || a.outcome === "200");
  const failures = attempts.filter((a) => a.outcome !== "201" && a.outcome !== "200");
  const reads = totalsReads.filter((a) => a.phase === phase);
  const tally = (list: Attempt[]) => {
    const by = new Map<string, number>();
    for (const a of list) by.set(a.outcome, (by.get(a.outcome) ?? 0) + 1);
    return [...by].map(([k, v]) => `${k}×${v}`).join(" ") || "none";
  };
  const latencies = ok.map((a) => a.ms).sort((a, b) => a - b);
  return {
    acksPerSecond: acks / phaseSeconds[phase],
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures: failures.length,
    failureKinds: tally(failures),
    readFailures: reads.filter((a) => a.outcome !== "200").length,
    reads: reads.length,
    readKinds: tally(reads.filter((a) => a.outcome !== "200")),
  };
}
const before = phaseFigures("before");
const after = phaseFigures("after");
const retried = supporters.filter((s) => s.attempts.length > 1).length;
const spentProofRetries = supporters.filter((s) => s.attempts.some((a) => a.outcome === "422 proof spent")).length;
const confirmFailures = confirmations.filter((a) => !/ (confirmed|already_confirmed)$/.test(a.outcome));
const nginxLines = (pattern: RegExp) => nginxLog.split("\n").filter((line) => pattern.test(line)).length;

console.log(`
Clients, before the kill (${phaseSeconds.before.toFixed(1)} s) | after (${phaseSeconds.after.toFixed(1)} s):
  signatures acknowledged per second: ${before.acksPerSecond.toFixed(1)} | ${after.acksPerSecond.toFixed(1)}  (offered ${rate}/s)
  signing latency of answered attempts, p50 / p99 ms: ${before.p50.toFixed(0)} / ${before.p99.toFixed(0)} | ${after.p50.toFixed(0)} / ${after.p99.toFixed(0)}
  failed signing attempts: ${before.failures} [${before.failureKinds}] | ${after.failures} [${after.failureKinds}]
  failed totals reads: ${before.readFailures} of ${before.reads} [${before.readKinds}] | ${after.readFailures} of ${after.reads} [${after.readKinds}]
  supporters who had to send again: ${retried} (of them, the first proof spent by a write whose answer was lost: ${spentProofRetries}); never acknowledged after ${maxAttempts} attempts: ${supporters.length - acknowledged.length}
  confirmation links followed: ${acknowledged.filter((s) => s.confirmed).length} of ${acknowledged.length}; failed attempts ${confirmFailures.length} [${[...new Set(confirmFailures.map((a) => a.outcome))].join(", ") || "none"}]
Letter emails "sending" (both workers) when worker 2 was killed: ${killWorker ? sendingAtKill : "not killed"}; sent after taking over a stale hold: ${takenOver}
nginx error log: ${nginxLines(/connect\(\) failed/)} connection failures to an upstream, ${nginxLines(/prematurely closed|reset by peer/)} answers cut off
Errors the web instances and workers logged (distinct lines, first 8 of ${new Set(errorLines).size}):${[
  ...new Set(errorLines),
]
  .slice(0, 8)
  .map((text) => `\n  ${text}`)
  .join("")}
Signing ended ${((signedUntil - offeredUntil) / 1000).toFixed(1)} s after the last was offered; the letters drained ${drained.toFixed(1)} s after the last confirmation.
`);

type Check = { check: string; figure: string; target: string; met: boolean };
const checks: Check[] = [
  {
    check: "acknowledged signatures lost",
    figure: `${lost} of ${acknowledged.length} (rows ${rows.length}; ${unacknowledgedRows} written but never acknowledged)`,
    target: "0 lost, rows = acknowledged",
    met: lost === 0 && rows.length === acknowledged.length && unacknowledgedRows === 0,
  },
  { check: "a form written twice", figure: String(twice), target: "0", met: twice === 0 },
  {
    check: "every supporter acknowledged (clients retry)",
    figure: `${acknowledged.length} of ${supporters.length}`,
    target: "all",
    met: acknowledged.length === supporters.length,
  },
  {
    check: "public totals = raw rows (signatures / letters / sent)",
    figure: `${publicTotals.signatures}/${publicTotals.letters}/${publicTotals.lettersSent} vs ${raw.signatures}/${raw.letters}/${raw.lettersSent}`,
    target: "equal",
    met:
      publicTotals.signatures === raw.signatures &&
      publicTotals.letters === raw.letters &&
      publicTotals.lettersSent === raw.lettersSent,
  },
  {
    check: "confirmed signatures counted",
    figure: `${raw.signatures} of ${acknowledged.length}`,
    target: "all",
    met: raw.signatures === acknowledged.length,
  },
  {
    check: "letter emails at the sink more than once",
    figure: `${duplicates} of ${expected.size}`,
    target: "0",
    met: duplicates === 0,
  },
  {
    check: "letter emails never delivered / left unsent",
    figure: `${missing} / ${unsent} (+ ${awaiting} letters awaiting confirmation)`,
    target: "0 / 0 (+ 0)",
    met: missing === 0 && unsent === 0 && awaiting === 0 && expected.size > 0,
  },
];
const width = (key: keyof Check) => Math.max(key.length, ...checks.map((c) => String(c[key]).length));
const line = (c: Record<keyof Check, string>) =>
  `${c.met.padEnd(6)}  ${c.check.padEnd(width("check"))}  ${c.figure.padEnd(width("figure"))}  ${c.target}`;
console.log(line({ met: "", check: "check", figure: "figure", target: "target" }));
for (const c of checks) console.log(line({ ...c, met: c.met ? "MET" : "MISSED" }));
console.log();
printFigure({
  name: `signatures acknowledged per second after the kill (1 web, ${killWorker ? 1 : 2} worker${killWorker ? "" : "s"}) vs before (2 web, 2 workers), ${rate}/s offered`,
  value: after.acksPerSecond,
  unit: "sig/s",
  baseline: before.acksPerSecond,
  target: ">= 0.9, and every check above met",
  met: after.acksPerSecond >= 0.9 * before.acksPerSecond && checks.every((c) => c.met),
});
process.exit(checks.every((c) => c.met) ? 0 : 1);
