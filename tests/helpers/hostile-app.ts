// The production build served by `next start`, for the hostile-input sweep.
// The build lives in its own folder (NEXT_DIST_DIR, default .next-hostile) so
// it never replaces a build someone else's `next start` is serving; it is
// rebuilt when a source file is newer than it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export const hostileDistDir = process.env.NEXT_DIST_DIR || ".next-hostile";

const sources = ["app", "components", "lib", "emails", "messages", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

/** The runner's environment minus what must not reach the app (its database, its module conditions). */
function appBaseEnv(): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "", NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of Object.keys(base)) {
    if (name.startsWith("VITEST") || ["DATABASE_URL", "SMTP_URL", "TALLY_IN_WEB_PROCESS", "CLIENT_IP_HEADER"].includes(name)) delete base[name];
  }
  return base;
}

/** Builds into the hostile folder unless an up-to-date build is there (one build at a time). */
export async function ensureHostileBuild(): Promise<void> {
  const lock = `${hostileDistDir}.lock`;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} stayed locked for 10 minutes.`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  try {
    const buildId = path.join(hostileDistDir, "BUILD_ID");
    const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
    if (builtAt > Math.max(...sources.map(newestMtime))) return;
    console.info(`[hostile] Building the app into ${hostileDistDir}…`);
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      env: { ...appBaseEnv(), NEXT_DIST_DIR: hostileDistDir, NODE_ENV: "production" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export type HostileApp = { url: string; child: ChildProcess; output: () => string; stop: () => Promise<void> };

/** `next start` on the hostile build with these settings; resolves once it answers. */
export async function startHostileApp(port: number, settings: Record<string, string>): Promise<HostileApp> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...appBaseEnv(), NEXT_DIST_DIR: hostileDistDir, NODE_ENV: "production", PUBLIC_URL: url, ...settings },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let exited: string | null = null;
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  child.on("exit", (code, signal) => (exited = signal ?? String(code)));
  const app: HostileApp = {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (exited !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await gone;
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`next start exited (${exited}) before answering:\n${output}`);
    try {
      if ((await fetch(`${url}/api/campaigns`, { signal: AbortSignal.timeout(5_000) })).ok) return app;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error(`next start did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
