// PostgreSQL restarted three times (twice cleanly, once like a crash) under
// the production build while 16 clients keep signing through the JSON API.
// Clients only ever see 201 or a 503 that says to retry; the app never exits;
// it takes signatures again once the database accepts connections (how soon
// is printed, not asserted: a busy machine is slower, not broken); and every
// signature it acknowledged is in the database.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../scripts/lib/migrate.ts";
import { freePort } from "../helpers/free-port";
import { PostgresInstance, postgresBinaries, type StopMode } from "../helpers/postgres-instance";
import { withProofOfWork } from "../helpers/proof-of-work";
import { submissionForIds } from "../helpers/submissions";
import { ensureProductionBuild, startApp, type AppProcess } from "../helpers/reliability-app";

const slug = "russia-amnesty-undesirable";
const appSecret = "reliability-tests-secret-not-for-production-use-0123456789";
const clients = 16;
/** A client gives up on an answer after this long: a hang, not a slow machine. */
const clientTimeoutMs = 60_000;
/** A client that got a 503 tries again after this pause (not the advised Retry-After, to find the moment of recovery). */
const retryPauseMs = 50;
/** How long the test waits for the first 201 after a restart before calling it a failure to recover. */
const recoveryWaitMs = 120_000;
const outageMs = 2_000;
const steadyMs = 3_000;
const restarts: StopMode[] = ["fast", "fast", "immediate"];
const retryMessage = "The service is briefly unavailable. Nothing was lost; please try again in a few seconds.";

type Answer = {
  sentAt: number;
  answeredAt: number;
  status: number | "timeout" | "network error";
  retryAfter: string | null;
  message?: string;
  signatureId?: string;
};
type Restart = {
  mode: StopMode;
  stoppingAt: number;
  stoppedAt: number;
  startingAt: number;
  acceptingAt: number;
  first201At: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const binaries = postgresBinaries();
if (!binaries)
  console.warn(
    "[reliability] No PostgreSQL binaries (initdb, pg_ctl): the database-restart test is skipped. Set PG_BIN.",
  );

describe.skipIf(!binaries)("PostgreSQL restarted three times under signing load", () => {
  let database: PostgresInstance;
  let app: AppProcess;
  let databaseUrl: string;
  let addressees: string[];

  beforeAll(async () => {
    await ensureProductionBuild();
    database = await PostgresInstance.create();
    await database.query("CREATE DATABASE campaigns");
    databaseUrl = database.urlOf("campaigns");
    await applyMigrations(databaseUrl, { quiet: true });
    // The same seed command a person runs (npm run db:seed).
    const seed = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/db-seed.ts"], {
      env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: databaseUrl, APP_SECRET: appSecret },
      encoding: "utf8",
    });
    if (seed.status !== 0) throw new Error(`Seeding failed:\n${seed.stdout}${seed.stderr}`);
    app = await startApp(await freePort(), {
      DATABASE_URL: databaseUrl,
      APP_SECRET: appSecret,
      DATABASE_CONNECT_TIMEOUT_MS: "2000",
      // A small pool: a connection lost for good would soon leave none.
      DATABASE_POOL_MAX: "4",
      CLIENT_IP_HEADER: "x-forwarded-for",
    });
    const campaign = (await (await fetch(`${app.url}/api/campaigns/${slug}`)).json()) as {
      addressees: { id: string }[];
    };
    addressees = campaign.addressees.map((a) => a.id);
  }, 900_000); // a build, when the sources changed, takes minutes on a small machine

  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  it("answers 201 or 503-retry, takes signatures again after each restart and keeps every acknowledged signature", async () => {
    const answers: Answer[] = [];
    let running = true;
    let sequence = 0;

    async function sign(): Promise<Answer> {
      const n = ++sequence;
      const sentAt = Date.now();
      try {
        const response = await fetch(`${app.url}/api/campaigns/${slug}/signatures`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            // A different client and person each time: no rate limit applies.
            "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          },
          // A fresh proof of work each time (making the challenge needs no database).
          body: JSON.stringify(
            await withProofOfWork(submissionForIds(addressees, { email: `load-${n}@example.org` }), app.url),
          ),
          signal: AbortSignal.timeout(clientTimeoutMs),
        });
        const body = (await response.json().catch(() => ({}))) as {
          signatureId?: string;
          error?: { message?: string };
        };
        return {
          sentAt,
          answeredAt: Date.now(),
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          message: body.error?.message,
          signatureId: body.signatureId,
        };
      } catch (error) {
        const timedOut = (error as Error).name === "TimeoutError";
        return { sentAt, answeredAt: Date.now(), status: timedOut ? "timeout" : "network error", retryAfter: null };
      }
    }

    async function signer() {
      while (running) {
        const answer = await sign();
        answers.push(answer);
        if (answer.status !== 201) await sleep(retryPauseMs);
      }
    }

    const load = Array.from({ length: clients }, signer);
    const testStart = Date.now();
    await sleep(steadyMs);

    const done: Restart[] = [];
    for (const mode of restarts) {
      const stoppingAt = Date.now();
      await database.stop(mode);
      const stoppedAt = Date.now();
      await sleep(outageMs);
      // Down until clients have seen it (a starved machine may answer late).
      while (!answers.some((a) => a.sentAt >= stoppedAt && a.status === 503)) await sleep(50);
      const startingAt = Date.now();
      // The moment a new connection first succeeds, watched beside pg_ctl
      // (which itself only checks every so often).
      let acceptingAt = 0;
      const watch = (async () => {
        while (!acceptingAt) {
          if (await database.accepts()) acceptingAt = Date.now();
          else await sleep(25);
        }
      })();
      await database.start();
      await watch;
      const deadline = acceptingAt + recoveryWaitMs;
      let first201: Answer | undefined;
      while (
        !(first201 = answers.find((a) => a.status === 201 && a.answeredAt >= acceptingAt)) &&
        Date.now() < deadline
      )
        await sleep(10);
      done.push({
        mode,
        stoppingAt,
        stoppedAt,
        startingAt,
        acceptingAt,
        first201At: first201?.answeredAt ?? Number.NaN,
      });
      await sleep(steadyMs);
    }

    running = false;
    await Promise.all(load);
    const elapsed = Date.now() - testStart;

    const acknowledged = answers.filter((a) => a.status === 201);
    const unavailable = answers.filter((a) => a.status === 503);
    const other = answers.filter((a) => a.status !== 201 && a.status !== 503);
    const slowest = Math.max(...answers.map((a) => a.answeredAt - a.sentAt));
    const recoveries = done.map((r) => r.first201At - r.acceptingAt);

    const sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
    const ids = acknowledged.map((a) => a.signatureId!);
    const {
      rows: [stored],
    } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Signature" WHERE id = ANY($1::uuid[])`, [ids]);
    const {
      rows: [all],
    } = await sql.query<{ signatures: number; letters: number }>(
      `SELECT (SELECT count(*) FROM "Signature")::int AS signatures, (SELECT count(*) FROM "Letter")::int AS letters`,
    );
    await sql.end();
    // The public totals are kept up to a second (lib/http/page-cache.ts): read until they show every
    // committed row, or until a minute has passed on a busy machine (then the check below fails).
    const readTotals = async () =>
      (await (await fetch(`${app.url}/api/campaigns/${slug}/totals`)).json()) as {
        signatures: number;
        letters: number;
      };
    let totals = await readTotals();
    for (const until = Date.now() + 60_000; Date.now() < until; totals = await readTotals()) {
      if (totals.signatures === all!.signatures && totals.letters === all!.letters) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const logFile = path.join(tmpdir(), `lc-reliability-restarts-${process.pid}.log`);
    writeFileSync(logFile, app.output());

    console.info(
      [
        `[reliability] ${answers.length} signing requests from ${clients} clients in ${(elapsed / 1000).toFixed(1)} s:`,
        `  201: ${acknowledged.length}, 503: ${unavailable.length}, other: ${other.length} (${[...new Set(other.map((a) => a.status))].join(", ") || "none"}); slowest answer ${slowest} ms`,
        ...done.map(
          (r, i) =>
            `  restart ${i + 1} (${r.mode}): pg_ctl stop took ${r.stoppedAt - r.stoppingAt} ms, down ${r.acceptingAt - r.stoppedAt} ms, ` +
            `${answers.filter((a) => a.sentAt >= r.stoppingAt && a.answeredAt <= r.acceptingAt).length} answers meanwhile; ` +
            `first 201 ${recoveries[i]} ms after PostgreSQL accepted connections`,
        ),
        `  server log (${app.output().split("\n").length} lines): ${logFile}`,
        `  rows: ${all!.signatures} signatures (${stored!.n} of the ${ids.length} acknowledged; ${all!.signatures - stored!.n} committed but answered 503), ${all!.letters} letters; totals: ${totals.signatures} signatures, ${totals.letters} letters`,
      ].join("\n"),
    );

    // The process never exits.
    expect(app.exited(), "the app process exited").toBeNull();
    // Never a 500, never a hang: 201 or 503 with Retry-After and the retry message.
    expect(other.map((a) => a.status)).toEqual([]);
    for (const answer of unavailable) {
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(answer.message).toBe(retryMessage);
    }
    // Each outage was seen by clients, as 503s only.
    for (const r of done) {
      const meanwhile = answers.filter((a) => a.sentAt >= r.stoppedAt && a.answeredAt <= r.startingAt);
      expect(meanwhile.length).toBeGreaterThan(0);
      expect(new Set(meanwhile.map((a) => a.status))).toEqual(new Set([503]));
    }
    // Taking signatures again after each restart, and still answering at the end.
    const verdicts = recoveries.map((ms) => (Number.isNaN(ms) ? `no 201 within ${recoveryWaitMs / 1000} s` : "back"));
    expect(verdicts).toEqual(restarts.map(() => "back"));
    expect((await fetch(`${app.url}/api/campaigns`)).status).toBe(200);
    // Every acknowledged signature is stored, once; the public totals equal the rows.
    expect(new Set(ids).size).toBe(ids.length);
    expect(stored!.n).toBe(ids.length);
    expect(totals.signatures).toBe(all!.signatures);
    expect(totals.letters).toBe(all!.letters);
  });
});
