// npm run test:moved-clock: the unit and integration suites once more, on a
// machine whose clock, time zone and locale are all unlike the one the tests
// were written on. A test that holds today's month, assumes UTC or formats
// with the machine's locale fails here, not on the first day of next month.
//
// - The clock: libfaketime (Debian's `faketime` package) moves every process
//   started from here, the PostgreSQL server included, by one offset to the
//   last minutes of 28 February 2031 UTC: another year, another month, and
//   already 1 March in the time zone below. The monotonic clock is left
//   alone, so timers and timeouts behave as usual.
// - The time zone: Pacific/Kiritimati (UTC+14), the furthest from UTC.
// - The locale: ar_EG.UTF-8, whose default number and date formats use
//   Arabic-Indic digits.
// The database is a private PostgreSQL started under the same clock (the
// machine's server keeps the real time, and `now()` must agree with Node).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { PostgresInstance, postgresBinaries } from "../helpers/postgres-instance.ts";

export const MOVED_TO = new Date("2031-02-28T23:10:00Z");
const TIME_ZONE = "Pacific/Kiritimati";
const LOCALE = "ar_EG.UTF-8";
const LIBFAKETIME = [
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/faketime/libfaketime.so.1",
  "/usr/local/lib/faketime/libfaketime.so.1",
].find((file) => existsSync(file));

function fail(message: string): never {
  console.error(`[moved clock] ${message}`);
  process.exit(1);
}

if (!LIBFAKETIME) fail("libfaketime is not installed: apt-get install -y faketime (.ci/run does).");
if (!postgresBinaries())
  fail("No PostgreSQL server binaries (initdb, pg_ctl) found: apt-get install -y postgresql, or set PG_BIN.");

const offsetSeconds = Math.round((MOVED_TO.getTime() - Date.now()) / 1000);
// Set here, before any child starts: every process below inherits the moved clock.
Object.assign(process.env, {
  LD_PRELOAD: LIBFAKETIME,
  FAKETIME: `${offsetSeconds >= 0 ? "+" : ""}${offsetSeconds}`,
  FAKETIME_DONT_FAKE_MONOTONIC: "1",
  TZ: TIME_ZONE,
  LANG: LOCALE,
  LC_ALL: LOCALE,
});

const seen = spawnSync(
  process.execPath,
  [
    "-e",
    "console.log(new Date().toISOString(), Intl.DateTimeFormat().resolvedOptions().timeZone, Intl.DateTimeFormat().resolvedOptions().locale)",
  ],
  {
    encoding: "utf8",
  },
);
const [nodeNow, nodeZone, nodeLocale] = seen.stdout.trim().split(" ");
if (
  Math.abs(new Date(nodeNow!).getTime() - MOVED_TO.getTime()) > 10 * 60_000 ||
  nodeZone !== TIME_ZONE ||
  nodeLocale !== "ar-EG"
) {
  fail(`the clock did not move for a child process (it saw ${seen.stdout.trim() || seen.stderr.trim()}).`);
}

const database = await PostgresInstance.create();
let status = 1;
try {
  const client = new pg.Client({ connectionString: database.adminUrl });
  await client.connect();
  const { rows } = await client.query<{ now: Date }>("SELECT now()");
  await client.end();
  const databaseNow = rows[0]!.now;
  if (Math.abs(databaseNow.getTime() - MOVED_TO.getTime()) > 10 * 60_000) {
    throw new Error(`the clock did not move for PostgreSQL (now() = ${databaseNow.toISOString()}).`);
  }
  console.log(
    `[moved clock] Node and PostgreSQL both read ${nodeNow} (${new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(MOVED_TO)} in ${TIME_ZONE}), locale ${LOCALE}. Running the unit and integration tests.`,
  );
  status = await new Promise<number>((resolve) => {
    const vitest = spawn(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "--project", "unit", "--project", "integration"],
      {
        stdio: "inherit",
        env: { ...process.env, TEST_DATABASE_URL: database.adminUrl },
      },
    );
    vitest.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
} catch (error) {
  console.error(`[moved clock] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await database.destroy();
}
console.log(
  status === 0
    ? "[moved clock] Every test passed with the clock moved."
    : `[moved clock] Tests failed with the clock moved (exit ${status}).`,
);
process.exit(status);
