// The app's production build served as `npm start` serves it (scripts/serve.ts) in a child process, for
// the reliability suite. The build goes to its own folder (NEXT_DIST_DIR,
// default .next-reliability) so it never replaces the build a developer's or
// the e2e tests' server is serving; it is rebuilt when any source file
// is newer than it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const reliabilityDistDir = process.env.RELIABILITY_DIST_DIR || ".next-reliability";

// What the build is made of (besides node_modules, which the lock file stands for).
const sources = [
  "app",
  "components",
  "lib",
  "emails",
  "messages",
  "public",
  "generated",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Builds into the suite's own folder unless an up-to-date build is there. One build at a time (a lock folder). */
export async function ensureProductionBuild(): Promise<void> {
  const lock = `${reliabilityDistDir}.lock`;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another run is building; a lock older than 10 minutes is left over from a killed one.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 10 * 60_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} stayed locked for 10 minutes.`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  try {
    // When the last build started: a file saved during a build is not in it.
    const stamp = path.join(reliabilityDistDir, "reliability-build-started");
    const builtAt =
      existsSync(path.join(reliabilityDistDir, "BUILD_ID")) && existsSync(stamp)
        ? Number(readFileSync(stamp, "utf8"))
        : 0;
    const changedAt = Math.max(...sources.map(newestMtime));
    if (builtAt > changedAt) return;
    console.info(
      `[reliability] Building the app into ${reliabilityDistDir} (${builtAt ? "sources changed since the last build" : "no build yet"})…`,
    );
    const started = Date.now();
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      env: { ...appBaseEnv(), NEXT_DIST_DIR: reliabilityDistDir, NODE_ENV: "production" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
    writeFileSync(stamp, String(started));
    console.info(`[reliability] Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The test runner's environment without what must not reach the app (its database, its module conditions). */
function appBaseEnv(): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "", NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of Object.keys(base)) {
    if (
      name.startsWith("VITEST") ||
      ["DATABASE_URL", "SMTP_URL", "TALLY_IN_WEB_PROCESS", "CLIENT_IP_HEADER"].includes(name)
    )
      delete base[name];
  }
  // No proxy in front: all requests share one client, said explicitly (a test may set a header).
  base.CLIENT_IP_HEADER = "none";
  // The proof of work at its smallest: these tests sign thousands of times and
  // prove the check, not its cost (bench/proof-of-work-solve-time.ts).
  base.PROOF_OF_WORK_ITERATIONS = "1";
  base.PROOF_OF_WORK_ATTEMPTS = "2";
  return base;
}

/** A v3-shaped onion host the reliability app also answers on (ONION_URL is http://<this>). */
export const reliabilityOnionHost = `${"abcdefghijklmnopqrstuvwxyz234567".repeat(2).slice(0, 56)}.onion`;
/** A listed https mirror: reached over plain http here, as a TLS proxy in front would pass it on. */
export const reliabilityHttpsMirrorHost = "mirror.example.net";
/** A listed http mirror on a *.localhost name, which resolves to this machine. */
export const reliabilityMirrorHost = (port: number) => `mirror.localhost:${port}`;

export type AppProcess = {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Null while it runs; the exit code or signal once it has exited. */
  exited: () => string | null;
  stop: () => Promise<void>;
};

/**
 * The web process (scripts/serve.ts) on the reliability build with these
 * settings; resolves once it answers. Besides PUBLIC_URL (its loopback
 * address) it answers on an onion address and two mirrors, as a deployment
 * with ONION_URL and MIRROR_URLS does.
 */
export async function startApp(port: number, settings: Record<string, string>): Promise<AppProcess> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    // As it ships: Next.js behind the per-process page cache (scripts/serve.ts), as `npm start` runs it.
    ["--import", "tsx", "scripts/serve.ts", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      env: {
        ...appBaseEnv(),
        NEXT_DIST_DIR: reliabilityDistDir,
        NODE_ENV: "production",
        PUBLIC_URL: url,
        ONION_URL: `http://${reliabilityOnionHost}`,
        MIRROR_URLS: `http://${reliabilityMirrorHost(port)} https://${reliabilityHttpsMirrorHost}`,
        ...settings,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  let exit: string | null = null;
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  child.on("exit", (code, signal) => (exit = signal ?? String(code)));
  const app: AppProcess = {
    child,
    url,
    output: () => output,
    exited: () => exit,
    stop: async () => {
      if (exit !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await gone;
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exit !== null) throw new Error(`The web process exited (${exit}) before answering:\n${output}`);
    try {
      if ((await fetch(`${url}/api/campaigns`, { signal: AbortSignal.timeout(5_000) })).ok) return app;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error(`The web process did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
