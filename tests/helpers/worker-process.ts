// `npm run worker` as a separate process on this test worker's database, its
// output kept: for tests that kill a worker or read what it logs.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll } from "vitest";
import { resetDatabase } from "./db";
import type { SmtpSink } from "./smtp-sink";

const clockSettings = ["TZ", "LANG", "LC_ALL", "LD_PRELOAD", "FAKETIME", "FAKETIME_DONT_FAKE_MONOTONIC"];

export type WorkerProcess = { child: ChildProcess; output: () => string };

export function startWorkerProcess(
  name: string,
  settings: { smtpUrl: string; staleSeconds?: number; appSecret?: string; appSecretPrevious?: string },
): WorkerProcess {
  // tsx as a loader in this one process: the tsx command would start the
  // worker as a grandchild, which a SIGKILL of its parent leaves running.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      DATABASE_URL: process.env.DATABASE_URL,
      EMBEDDED_DATABASE: process.env.TEST_EMBEDDED_DB === "1" ? "true" : "false",
      APP_SECRET: settings.appSecret ?? process.env.APP_SECRET,
      ...(settings.appSecretPrevious ? { APP_SECRET_PREVIOUS: settings.appSecretPrevious } : {}),
      PUBLIC_URL: "http://localhost:3000",
      SMTP_URL: settings.smtpUrl,
      MAIL_FROM_ADDRESS: "letters@campaigns.example",
      DELIVERY_PER_DOMAIN_PER_MINUTE: "10000",
      // Round the clock, whatever a developer's .env says and whatever hour the test runs.
      DELIVERY_HOURS: "0-24",
      // Unpaced: these tests are about sending once, not about office hours (tests of pacing drive the drain in-process).
      DELIVERY_PACING: "off",
      // No bounce listener: several test workers would contend for one port.
      BOUNCE_LISTEN_PORT: "0",
      DELIVERY_STALE_SECONDS: String(settings.staleSeconds ?? 300),
      WORKER_CONCURRENCY: "4",
      NODE_OPTIONS: "",
      // The same clock, time zone and locale as the tests (npm run test:moved-clock).
      ...Object.fromEntries(clockSettings.filter((name) => process.env[name]).map((name) => [name, process.env[name]])),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  child.on("exit", (code, signal) => {
    if (signal !== "SIGKILL" && signal !== "SIGTERM" && code !== 0)
      console.error(`${name} exited with ${code}:\n${output}`);
  });
  return { child, output: () => output };
}

export async function waitFor(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A test file's mail server and worker processes: the server started and the
 * database reset before its tests; every worker put in `workers` killed and
 * the server stopped after them. Call inside the describe.
 */
export function useMailServerAndWorkers(sink: SmtpSink, workers: ChildProcess[]): void {
  beforeAll(async () => {
    await sink.start();
    await resetDatabase();
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill("SIGKILL");
    await sink.stop();
  });
}
