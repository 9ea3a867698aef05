// Can the time an answer takes tell whether an address has signed? A state
// with a list of addresses would post a letter with each and time the
// answers. This signs (and confirms) 300 "victims", then posts one letter
// with each victim's address and one with a fresh address, interleaved,
// against the production build, one request at a time. Figure: the median
// answer time for signed addresses against fresh ones in the same run.
// Target (issue 13): medians within 10%.
import { confirmationToken } from "../lib/signatures/confirmation-email.ts";
import { submissionForIds } from "../tests/helpers/submissions.ts";
import { sql } from "./lib/bench-database.ts";
import { benchAppSecret as appSecret, prepareHttpBench } from "./lib/http-setup.ts";
import { startNext } from "./lib/next-servers.ts";
import { benchProofOfWorkSettings, solvedProofPool } from "./lib/proof-of-work-pool.ts";
import { printFigure } from "./lib/report.ts";
import { summarise, formatSummary } from "./lib/stats.ts";

const victims = Number(process.env.BENCH_VICTIMS ?? 300);
const { database, addressees } = await prepareHttpBench("timing");
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

// Solved before timing: each answer's time is the server's alone.
const proofs = await solvedProofPool(victims * 3 + 100);
let client = 0;
async function sign(email: string): Promise<{ ms: number; status: number; signatureId: string }> {
  const n = client++;
  const started = performance.now();
  const response = await fetch(`${app.url}/api/campaigns/russia-amnesty-undesirable/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${(n >> 8) & 255}.${n & 255}` },
    body: JSON.stringify({
      ...submissionForIds(addressees, { email, channel: "platform_email", consentIdentity: true }),
      altcha: proofs.take(),
    }),
  });
  const body = (await response.json()) as { signatureId: string };
  return { ms: performance.now() - started, status: response.status, signatureId: body.signatureId };
}

const signed: number[] = [];
const fresh: number[] = [];
try {
  // The victims sign and confirm, as real supporters would.
  const { confirmSupporterEmail } = await import("../lib/signatures/confirm-supporter-email.ts");
  for (let i = 0; i < victims; i++) {
    const first = await sign(`victim${i}@example.org`);
    const confirmed = await confirmSupporterEmail(confirmationToken(first.signatureId, new Date()));
    if (confirmed.outcome !== "confirmed") throw new Error(`victim ${i}: ${confirmed.outcome}`);
  }
  for (let i = 0; i < 30; i++) await sign(`warm-up${i}@example.org`);
  // Interleaved, so both see the same machine.
  for (let i = 0; i < victims; i++) {
    const probe = await sign(`Victim${i}@Example.org`);
    const control = await sign(`never-signed${i}@example.org`);
    if (probe.status !== control.status) throw new Error(`different statuses: ${probe.status} and ${control.status}`);
    signed.push(probe.ms);
    fresh.push(control.ms);
  }
} finally {
  await app.stop();
  const { disconnectDb } = await import("../lib/core/db.ts");
  await disconnectDb();
}
const counted = Number(
  (await sql<{ n: string }>(database.url, `SELECT count(*) AS n FROM "Signature" WHERE "countedAt" IS NOT NULL`))[0]!.n,
);
await database.drop();

const a = summarise(signed);
const b = summarise(fresh);
console.log(`address that signed before: ${formatSummary(a)}`);
console.log(`address never seen:         ${formatSummary(b)}`);
printFigure({
  name: `median answer for an address that signed before vs a fresh one (${victims} each, interleaved; ${counted} counted signatures)`,
  value: a.p50,
  unit: "ms",
  baseline: b.p50,
  target: "within 10% (ratio 0.9-1.1)",
  met: Math.abs(a.p50 / b.p50 - 1) <= 0.1,
});
